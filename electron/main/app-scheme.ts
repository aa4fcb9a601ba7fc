import type { CustomScheme } from 'electron';

/**
 * The renderer is served from `app://mingjing/…` — one privileged, secure, standard
 * origin that the protocol handler, the navigation guards, the network policy and
 * the IPC sender check all agree on. There is no `file://` anywhere.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mingjing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** True only for URLs on our own origin (`app://mingjing`), whatever the path. */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
  } catch {
    return false;
  }
}
