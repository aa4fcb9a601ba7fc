import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './app-scheme';

/**
 * The one application window. Its web preferences are the heart of the renderer's
 * isolation: sandboxed, context-isolated, no Node, web security on, no <webview>,
 * no spellchecker (it would download dictionaries), DevTools only in development.
 */
export interface MainWindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  preloadPath: string;
  isPackaged: boolean;
  iconPath?: string | undefined;
  onLoadError?: (err: unknown) => void;
}

export function mainWindowOptions(
  deps: Pick<MainWindowDeps, 'preloadPath' | 'isPackaged' | 'iconPath'>,
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      enableWebSQL: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !deps.isPackaged,
    },
  };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const win = new deps.BrowserWindow(mainWindowOptions(deps));
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => deps.onLoadError?.(err));
  return win;
}
