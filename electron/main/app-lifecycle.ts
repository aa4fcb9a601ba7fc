import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type Session } from 'electron';
import { MingjingCore } from '../core/mingjing-core';
import { createRouter } from '../core/router';
import { menuTemplate } from './app-menu';
import { debugSwitchesIn, mustRefuseDebugging } from './debug-switches';
import { makeProtocolHandler } from './app-protocol';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-scheme';
import { startIdleLockTimer } from './idle-lock';
import { makeTrustedSenderCheck, registerIpc } from './ipc';
import { createMainWindow } from './main-window';
import { makePathChooser } from './path-chooser';
import { preloadPath, rendererRoot, resolveDataDir, resolveNativeBinding } from './paths';
import { lockDownSession } from './session-policy';
import { guardWebContents } from './web-contents-guards';

/**
 * App lifecycle: everything that must happen before `ready` (privileged scheme,
 * sandbox, single-instance lock, global guards), then on `ready` the session
 * lockdown, the app:// handler, the core and its IPC, the menu and the window.
 * On quit the vault is locked.
 */

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  log?: (message: string, err?: unknown) => void;
}

export interface RunningApp {
  getMainWindow(): BrowserWindow | null;
  getCore(): MingjingCore | null;
}

const defaultLog = (message: string, err?: unknown) => {
  console.error(`[mingjing] ${message}`, ...(err === undefined ? [] : [err]));
};

/** Returns null when another instance already holds the lock (this one quits). */
export function startApp(options: StartOptions = {}): { ready: Promise<RunningApp> } | null {
  const env = options.env ?? process.env;
  const log = options.log ?? defaultLog;

  if (mustRefuseDebugging(options.argv ?? process.argv, app.isPackaged)) {
    log(
      `refusing to start with debugging switches: ${debugSwitchesIn(options.argv ?? process.argv).join(' ')}`,
    );
    app.quit();
    return null;
  }

  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  app.enableSandbox();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  let mainWindow: BrowserWindow | null = null;
  let core: MingjingCore | null = null;
  let stopIdleTimer: () => void = () => {};
  const policy = { allowDevtools: !app.isPackaged };

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('session-created', (created: Session) => lockDownSession(created, policy));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    stopIdleTimer();
    try {
      core?.lock('shutdown');
    } catch (err) {
      log('locking the vault at shutdown failed', err);
    }
  });

  const running: RunningApp = { getMainWindow: () => mainWindow, getCore: () => core };

  const ready = app.whenReady().then(() => {
    const appPath = app.getAppPath();
    lockDownSession(session.defaultSession, policy);
    protocol.handle(APP_SCHEME, makeProtocolHandler(rendererRoot(appPath)));

    const nativeBinding = resolveNativeBinding({
      electronVersion: process.versions.electron,
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath,
    });
    if (app.isPackaged && !nativeBinding) {
      log(
        'resources/native/better_sqlite3.node is missing: the vault cannot open (see docs/electron-native.md)',
      );
    }
    const created = new MingjingCore({
      dataDir: resolveDataDir(env, app.getPath('userData')),
      osLocale: app.getLocale(),
      choosePath: makePathChooser(dialog, () => mainWindow),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    core = created;
    const router = createRouter(created, (err) => log('internal error', err));
    registerIpc(
      ipcMain,
      router,
      makeTrustedSenderCheck(() => mainWindow),
    );
    stopIdleTimer = startIdleLockTimer(created, 30_000, (err) => log('idle lock failed', err));

    const template = menuTemplate(process.platform, app.isPackaged);
    Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);

    mainWindow = createMainWindow({
      BrowserWindow,
      preloadPath: preloadPath(appPath),
      isPackaged: app.isPackaged,
      onLoadError: (err) => log('loading the renderer failed', err),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return running;
  });
  ready.catch((err: unknown) => {
    log('startup failed', err);
    app.exit(1);
  });
  return { ready };
}
