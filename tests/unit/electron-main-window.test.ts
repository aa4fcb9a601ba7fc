import type { BrowserWindow, BrowserWindowConstructorOptions, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from '../../electron/main/app-menu';
import { createMainWindow, mainWindowOptions } from '../../electron/main/main-window';
import { resolveDataDir, resolveNativeBinding } from '../../electron/main/paths';
import {
  blockNetwork,
  denyPermissions,
  isRequestAllowed,
  lockDownSession,
} from '../../electron/main/session-policy';
import { guardWebContents } from '../../electron/main/web-contents-guards';
import { FakeBrowserWindow, FakeSession, FakeWebContents, fakeEvent } from './electron-shell-fake';

const Window = FakeBrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow;

describe('main window', () => {
  it('isolates the renderer', () => {
    const prefs = mainWindowOptions({
      preloadPath: '/app/out/preload/index.cjs',
      isPackaged: true,
    }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('allows DevTools only in an unpackaged build', () => {
    expect(mainWindowOptions({ preloadPath: 'p', isPackaged: true }).webPreferences!.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', isPackaged: false }).webPreferences!.devTools).toBe(true);
  });

  it('loads the renderer from app://, never file://, and shows when ready', () => {
    const win = createMainWindow({
      BrowserWindow: Window,
      preloadPath: '/p/index.cjs',
      isPackaged: true,
    }) as unknown as FakeBrowserWindow;
    expect(win.loadedUrl).toBe('app://mingjing/index.html');
    expect(win.options.webPreferences?.preload).toBe('/p/index.cjs');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('web contents guards', () => {
  function guarded() {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    return contents;
  }

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://other/x',
    'javascript:alert(1)',
    'data:text/html,hi',
  ])('prevents navigation and redirects to %s', (url) => {
    const contents = guarded();
    const nav = fakeEvent();
    contents.emit('will-navigate', nav, url);
    expect(nav.defaultPrevented).toBe(true);
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, url);
    expect(redirect.defaultPrevented).toBe(true);
  });

  it('lets the app navigate within its own origin', () => {
    const contents = guarded();
    const nav = fakeEvent();
    contents.emit('will-navigate', nav, 'app://mingjing/index.html');
    expect(nav.defaultPrevented).toBe(false);
  });

  it('denies every new window', () => {
    const contents = guarded();
    for (const url of ['https://example.com/', 'app://mingjing/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a webview', () => {
    const contents = guarded();
    const event = fakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://example.com' });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('session policy', () => {
  it('denies every permission request, check and device', () => {
    const session = new FakeSession();
    denyPermissions(session as unknown as Session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      session.permissionRequestHandler!({}, permission, (g: boolean) => (granted = g), {});
      expect(granted).toBe(false);
      expect(session.permissionCheckHandler!({}, permission, 'app://mingjing', {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it.each([
    'http://example.com/',
    'https://example.com/a.js',
    'ws://127.0.0.1:1234/',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/',
    'chrome-extension://abc/x.js',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
  ])('cancels %s in a packaged build', (url) => {
    const session = new FakeSession();
    blockNetwork(session as unknown as Session, { allowDevtools: false });
    expect(session.isCancelled(url)).toBe(true);
  });

  it.each([
    'app://mingjing/index.html',
    'app://mingjing/assets/app.js',
    'data:image/png;base64,AA==',
    'blob:app://mingjing/1234',
  ])('allows %s', (url) => {
    const session = new FakeSession();
    blockNetwork(session as unknown as Session, { allowDevtools: false });
    expect(session.isCancelled(url)).toBe(false);
  });

  it('allows devtools: only when told to (unpackaged builds)', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { allowDevtools: true })).toBe(
      true,
    );
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { allowDevtools: false })).toBe(
      false,
    );
    expect(isRequestAllowed('https://example.com/', { allowDevtools: true })).toBe(false);
  });

  it('lockDownSession applies everything and turns the spellchecker off', () => {
    const session = new FakeSession();
    lockDownSession(session as unknown as Session, { allowDevtools: false });
    expect(session.permissionRequestHandler).toBeTypeOf('function');
    expect(session.permissionCheckHandler).toBeTypeOf('function');
    expect(session.isCancelled('https://example.com/')).toBe(true);
    expect(session.spellChecker).toBe(false);
  });
});

describe('paths', () => {
  it('puts the vault under userData unless MINGJING_DATA_DIR is set', () => {
    expect(resolveDataDir({}, '/home/u/.config/Mingjing')).toBe('/home/u/.config/Mingjing/vault');
    expect(resolveDataDir({ MINGJING_DATA_DIR: '  ' }, '/u')).toBe('/u/vault');
    expect(resolveDataDir({ MINGJING_DATA_DIR: '/tmp/vault-x' }, '/u')).toBe('/tmp/vault-x');
  });

  it('uses the Electron-ABI SQLite binding only under Electron and only if it exists', () => {
    const exists = (f: string) => f.endsWith('better_sqlite3.node');
    const base = { resourcesPath: '/opt/Mingjing/resources', appPath: '/repo', exists };
    expect(resolveNativeBinding({ ...base, electronVersion: undefined, isPackaged: false })).toBeUndefined();
    expect(resolveNativeBinding({ ...base, electronVersion: '45.5.0', isPackaged: true })).toBe(
      '/opt/Mingjing/resources/native/better_sqlite3.node',
    );
    expect(resolveNativeBinding({ ...base, electronVersion: '45.5.0', isPackaged: false })).toBe(
      '/repo/build-native/electron/better_sqlite3.node',
    );
    expect(
      resolveNativeBinding({ ...base, electronVersion: '45.5.0', isPackaged: true, exists: () => false }),
    ).toBeUndefined();
  });
});

describe('menu', () => {
  it('uses roles only, with no DevTools or reload in production', () => {
    expect(menuTemplate('linux', true)).toBeNull();
    expect(menuTemplate('win32', true)).toBeNull();
    const mac = menuTemplate('darwin', true)!;
    expect(mac.every((item) => item.role && !item.label)).toBe(true);
    expect(mac.map((i) => i.role)).not.toContain('viewMenu');
    expect(menuTemplate('linux', false)!.map((i) => i.role)).toContain('viewMenu');
  });
});
