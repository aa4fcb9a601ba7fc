import type { Session } from 'electron';
import { APP_SCHEME } from './app-scheme';

/**
 * Session lockdown: no permission is ever granted, and no request leaves the app.
 * The renderer is entirely local (app://), so everything else — http(s), ws(s),
 * file, ftp, chrome-extension… — is cancelled before it is made. data: and blob:
 * stay usable (they never touch the network and the CSP already bounds them);
 * devtools: only in an unpackaged (development) build.
 */

export interface NetworkPolicy {
  allowDevtools: boolean;
}

const ALWAYS_ALLOWED = new Set([`${APP_SCHEME}:`, 'data:', 'blob:']);

export function isRequestAllowed(rawUrl: string, policy: NetworkPolicy): boolean {
  let protocol: string;
  try {
    protocol = new URL(rawUrl).protocol;
  } catch {
    return false;
  }
  if (ALWAYS_ALLOWED.has(protocol)) return true;
  return policy.allowDevtools && protocol === 'devtools:';
}

export type NetworkSession = Pick<Session, 'webRequest'>;

export function blockNetwork(session: NetworkSession, policy: NetworkPolicy): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, policy) });
  });
}

export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

export function denyPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export type LockableSession = NetworkSession & PermissionSession & Pick<Session, 'setSpellCheckerEnabled'>;

export function lockDownSession(session: LockableSession, policy: NetworkPolicy): void {
  denyPermissions(session);
  blockNetwork(session, policy);
  // Chromium's spellchecker downloads dictionaries from Google on Windows/Linux.
  session.setSpellCheckerEnabled(false);
}
