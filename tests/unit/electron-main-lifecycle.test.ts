import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { rendererCsp } from '../../shared/csp';
import { FakeBrowserWindow, fakeElectron, fakeEvent, resetFakeElectron } from './electron-shell-fake';

vi.mock('electron', async () => (await import('./electron-shell-fake')).fakeElectron);

let tmp: string;

beforeEach(() => {
  resetFakeElectron();
  tmp = mkdtempSync(path.join(tmpdir(), 'mingjing-shell-'));
  mkdirSync(path.join(tmp, 'app', 'out', 'renderer'), { recursive: true });
  writeFileSync(
    path.join(tmp, 'app', 'out', 'renderer', 'index.html'),
    '<!doctype html><title>Mingjing</title>',
  );
  fakeElectron.app.appPath = path.join(tmp, 'app');
  fakeElectron.app.userData = path.join(tmp, 'userData');
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function start(env: NodeJS.ProcessEnv = { MINGJING_DATA_DIR: path.join(tmp, 'vault') }) {
  const { startApp } = await import('../../electron/main/app-lifecycle');
  const log = vi.fn();
  const started = startApp({ env, log });
  return { started, log };
}

async function startReady(env?: NodeJS.ProcessEnv) {
  const { started, log } = await start(env);
  expect(started).not.toBeNull();
  fakeElectron.app.makeReady();
  const running = await started!.ready;
  return { running, log, win: FakeBrowserWindow.instances[0]! };
}

describe('app lifecycle (against a fake electron module)', () => {
  it('registers the privileged app:// scheme and enables the sandbox before ready', async () => {
    await start();
    expect(fakeElectron.protocol.privileged).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(fakeElectron.app.sandboxEnabled).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fakeElectron.ipcMain.handlers.size).toBe(0);
  });

  it('refuses debugging switches in a packaged build, but not in development', async () => {
    const { startApp } = await import('../../electron/main/app-lifecycle');
    fakeElectron.app.isPackaged = true;
    const log = vi.fn();
    const argv = ['/opt/Mingjing/mingjing', '--remote-debugging-port=9222'];
    expect(startApp({ env: {}, argv, log })).toBeNull();
    expect(fakeElectron.app.quitCalls).toBe(1);
    expect(String(log.mock.calls[0]?.[0])).toContain('--remote-debugging-port');
    expect(fakeElectron.protocol.privileged).toEqual([]);
    resetFakeElectron();
    expect(startApp({ env: {}, argv, log })).not.toBeNull();
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    fakeElectron.app.gotLock = false;
    const { started } = await start();
    expect(started).toBeNull();
    expect(fakeElectron.app.quitCalls).toBe(1);
    fakeElectron.app.makeReady();
    await new Promise((r) => setTimeout(r, 10));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready: one window, loaded from app://, with the locked-down preferences', async () => {
    const { win } = await startReady();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.loadedUrl).toBe('app://mingjing/index.html');
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: true, // the fake app is not packaged
      preload: path.join(tmp, 'app', 'out', 'preload', 'index.cjs'),
    });
  });

  it('turns DevTools off and removes the menu bar in a packaged build', async () => {
    fakeElectron.app.isPackaged = true;
    const { win } = await startReady();
    expect(win.options.webPreferences!.devTools).toBe(false);
    expect(fakeElectron.Menu.current).toBeNull();
    expect(
      fakeElectron.session.defaultSession.isCancelled('devtools://devtools/bundled/inspector.html'),
    ).toBe(true);
  });

  it('serves the renderer through protocol.handle with the CSP', async () => {
    await startReady();
    const handler = fakeElectron.protocol.handlers.get('app')!;
    expect(handler).toBeTypeOf('function');
    const ok = await handler(new Request('app://mingjing/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(rendererCsp());
    const bad = await handler({ url: 'app://mingjing/%2e%2e/%2e%2e/etc/passwd', method: 'GET' } as Request);
    expect(bad.status).toBe(403);
  });

  it('locks the default session down', async () => {
    await startReady();
    const s = fakeElectron.session.defaultSession;
    expect(s.isCancelled('https://example.com/')).toBe(true);
    expect(s.isCancelled('ws://localhost:1/')).toBe(true);
    expect(s.isCancelled('file:///etc/passwd')).toBe(true);
    expect(s.isCancelled('app://mingjing/index.html')).toBe(false);
    let granted: boolean | undefined;
    s.permissionRequestHandler!({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(s.permissionCheckHandler!({}, 'clipboard-read', 'app://mingjing', {})).toBe(false);
  });

  it('guards every WebContents created (navigation, new windows, webviews)', async () => {
    const { win } = await startReady();
    const nav = fakeEvent();
    win.webContents.emit('will-navigate', nav, 'https://example.com/');
    expect(nav.defaultPrevented).toBe(true);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = fakeEvent();
    win.webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('registers one IPC handler per channel, wired to the real core and router', async () => {
    const { win } = await startReady();
    const { ipcMain } = fakeElectron;
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(ipcMain.otherRegistrations).toEqual([]);

    const trusted = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    expect(await ipcMain.handlers.get('vault:status')!(trusted, {})).toEqual({
      ok: true,
      value: { state: 'uninitialized', officeName: null, userNames: [] },
    });
    expect(await ipcMain.handlers.get('prefs:get')!(trusted, {})).toMatchObject({
      ok: true,
      value: { osLocale: 'zh-CN' },
    });

    const other = new FakeBrowserWindow({});
    const forged = { sender: other.webContents, senderFrame: other.webContents.mainFrame };
    expect(await ipcMain.handlers.get('vault:status')!(forged, {})).toMatchObject({
      ok: false,
      error: { code: 'SENDER_FORBIDDEN' },
    });
  });

  it('gives the core the shell file dialog, modal to the main window, for transfer paths', async () => {
    const { running, win } = await startReady();
    const choose = running.getCore()!.options.choosePath!;
    fakeElectron.dialog.answer = { canceled: false, filePaths: ['/media/U盘/交换'] };
    expect(await choose({ purpose: 'exportFolder', title: '选择导出文件夹', filterName: '数据包' })).toBe(
      '/media/U盘/交换',
    );
    expect(fakeElectron.dialog.opened[0]).toEqual({
      window: win,
      options: { title: '选择导出文件夹', properties: ['openDirectory', 'createDirectory'] },
    });
    fakeElectron.dialog.answer = { canceled: false, filePaths: ['/media/U盘/交换/a.mjb'] };
    expect(await choose({ purpose: 'importBundle', title: '选择数据包', filterName: '明镜数据包' })).toBe(
      '/media/U盘/交换/a.mjb',
    );
    expect(fakeElectron.dialog.opened[1]!.options).toEqual({
      title: '选择数据包',
      properties: ['openFile'],
      filters: [{ name: '明镜数据包', extensions: ['mjb'] }],
    });
    fakeElectron.dialog.answer = { canceled: true, filePaths: [] };
    expect(
      await choose({ purpose: 'importBundle', title: '选择数据包', filterName: '明镜数据包' }),
    ).toBeNull();
  });

  it('puts the vault under userData/vault by default', async () => {
    const { running } = await startReady({});
    expect(running.getCore()!.options.dataDir).toBe(path.join(tmp, 'userData', 'vault'));
    expect(running.getCore()!.options.nativeBinding).toBeUndefined();
  });

  it('locks the vault on before-quit and quits when the window closes', async () => {
    const { running } = await startReady();
    const lock = vi.spyOn(running.getCore()!, 'lock');
    fakeElectron.app.emit('before-quit', fakeEvent());
    expect(lock).toHaveBeenCalledWith('shutdown');
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quitCalls).toBe(1);
  });

  it('logs, and still quits, when locking at shutdown throws', async () => {
    const { running, log } = await startReady();
    vi.spyOn(running.getCore()!, 'lock').mockImplementation(() => {
      throw new Error('disk gone');
    });
    fakeElectron.app.emit('before-quit', fakeEvent());
    expect(log).toHaveBeenCalledWith('locking the vault at shutdown failed', expect.any(Error));
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { win } = await startReady();
    fakeElectron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(win.focused).toBe(true);
  });
});

describe('entry point and idle lock', () => {
  it('electron/main/index.ts starts the app on import', async () => {
    await import('../../electron/main/index');
    expect(fakeElectron.protocol.privileged).toHaveLength(1);
    expect(fakeElectron.app.listenerCount('before-quit')).toBe(1);
  });

  it('locks an idle session even when nobody calls', async () => {
    vi.useFakeTimers();
    try {
      const { startIdleLockTimer } = await import('../../electron/main/idle-lock');
      const core = { enforceIdleLock: vi.fn(() => false) };
      const stop = startIdleLockTimer(core, 1000);
      vi.advanceTimersByTime(3500);
      expect(core.enforceIdleLock).toHaveBeenCalledTimes(3);
      stop();
      vi.advanceTimersByTime(5000);
      expect(core.enforceIdleLock).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('debugging switches', () => {
  it('are recognised in every spelling and allowed only to a test package', async () => {
    const { debugSwitchesIn, mustRefuseDebugging } = await import('../../electron/main/debug-switches');
    expect(
      debugSwitchesIn([
        'app',
        '--inspect',
        '--inspect-brk=0',
        '--remote-debugging-pipe',
        '--lang=zh-CN',
        '--inspector',
      ]),
    ).toEqual(['--inspect', '--inspect-brk', '--remote-debugging-pipe']);
    expect(mustRefuseDebugging(['app', '--inspect=0'], true, false)).toBe(true);
    expect(mustRefuseDebugging(['app', '--inspect=0'], true, true)).toBe(false);
    expect(mustRefuseDebugging(['app', '--inspect=0'], false, false)).toBe(false);
    expect(mustRefuseDebugging(['app', '--lang=zh-CN'], true, false)).toBe(false);
  });
});
