import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { makeTrustedSenderCheck, registerIpc, SENDER_FORBIDDEN } from '../../electron/main/ipc';
import { CHANNELS } from '../../shared/contract';
import { FakeBrowserWindow, FakeWebFrame, fakeElectron, type FakeWebContents } from './electron-shell-fake';

function setup() {
  const win = new FakeBrowserWindow({});
  const router = vi.fn(async (channel: unknown, input: unknown) => ({
    ok: true as const,
    value: { channel, input },
  }));
  const ipcMain = fakeElectron.ipcMain;
  ipcMain.handlers.clear();
  ipcMain.otherRegistrations.length = 0;
  let current: FakeBrowserWindow | null = win;
  const check = makeTrustedSenderCheck(() => current as unknown as BrowserWindow | null);
  registerIpc(ipcMain as unknown as IpcMain, router, check);
  return { win, router, ipcMain, check, closeWindow: () => (current = null) };
}

function eventFrom(contents: FakeWebContents, frame: FakeWebFrame | null): IpcMainInvokeEvent {
  return {
    sender: contents,
    senderFrame: frame,
    frameId: 1,
    processId: frame?.processId ?? 0,
  } as unknown as IpcMainInvokeEvent;
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel and nothing else', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(ipcMain.handlers.size).toBe(CHANNELS.length);
    expect(ipcMain.otherRegistrations).toEqual([]);
  });

  it('passes a call from the main window top frame on app:// to the router', async () => {
    const { win, router, ipcMain } = setup();
    const handler = ipcMain.handlers.get('vault:status')!;
    const result = await handler(
      eventFrom(win.webContents, win.webContents.mainFrame),
      { some: 'input' },
      'extra',
    );
    expect(router).toHaveBeenCalledTimes(1);
    expect(router).toHaveBeenCalledWith('vault:status', { some: 'input' });
    expect(result).toEqual({ ok: true, value: { channel: 'vault:status', input: { some: 'input' } } });
  });

  it('binds every handler to its own channel', async () => {
    const { win, router, ipcMain } = setup();
    for (const channel of CHANNELS) {
      await ipcMain.handlers.get(channel)!(eventFrom(win.webContents, win.webContents.mainFrame), {});
      expect(router).toHaveBeenLastCalledWith(channel, {});
    }
  });

  const forgeries: Array<[string, (w: FakeBrowserWindow) => IpcMainInvokeEvent]> = [
    [
      'a subframe of the main window',
      (w) =>
        eventFrom(
          w.webContents,
          new FakeWebFrame(
            'app://mingjing/index.html',
            w.webContents.mainFrame,
            w.webContents.mainFrame.processId,
            7,
          ),
        ),
    ],
    [
      'a frame that is not the top frame (other routing id)',
      (w) =>
        eventFrom(
          w.webContents,
          new FakeWebFrame('app://mingjing/index.html', null, w.webContents.mainFrame.processId, 99),
        ),
    ],
    [
      'a frame from another process',
      (w) => eventFrom(w.webContents, new FakeWebFrame('app://mingjing/index.html', null, 4242, 1)),
    ],
    [
      'another WebContents',
      () => {
        const other = new FakeBrowserWindow({});
        return eventFrom(other.webContents, other.webContents.mainFrame);
      },
    ],
    [
      'the top frame after navigating to https',
      (w) => {
        w.webContents.mainFrame.url = 'https://evil.example/';
        return eventFrom(w.webContents, w.webContents.mainFrame);
      },
    ],
    [
      'the top frame on file://',
      (w) => {
        w.webContents.mainFrame.url = 'file:///tmp/x.html';
        return eventFrom(w.webContents, w.webContents.mainFrame);
      },
    ],
    [
      'the top frame on another app:// host',
      (w) => {
        w.webContents.mainFrame.url = 'app://other/index.html';
        return eventFrom(w.webContents, w.webContents.mainFrame);
      },
    ],
    ['a destroyed frame (senderFrame null)', (w) => eventFrom(w.webContents, null)],
  ];

  it.each(forgeries)('refuses %s with SENDER_FORBIDDEN', async (_name, forge) => {
    const { win, router, ipcMain } = setup();
    const result = await ipcMain.handlers.get('vault:setup')!(forge(win), { officeName: 'x' });
    expect(result).toEqual(SENDER_FORBIDDEN);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SENDER_FORBIDDEN', messageKey: 'errors.SENDER_FORBIDDEN' },
    });
    expect(router).not.toHaveBeenCalled();
  });

  it('refuses everything once the window is gone or destroyed', async () => {
    const { win, router, ipcMain, closeWindow } = setup();
    win.destroyed = true;
    expect(
      await ipcMain.handlers.get('vault:status')!(eventFrom(win.webContents, win.webContents.mainFrame), {}),
    ).toEqual(SENDER_FORBIDDEN);
    win.destroyed = false;
    closeWindow();
    expect(
      await ipcMain.handlers.get('vault:status')!(eventFrom(win.webContents, win.webContents.mainFrame), {}),
    ).toEqual(SENDER_FORBIDDEN);
    expect(router).not.toHaveBeenCalled();
  });
});
