import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { messageKeyFor, type Envelope } from '../../shared/errors';
import type { RouterCall } from '../core/router';
import { isAppUrl } from './app-scheme';

/**
 * IPC: exactly one `ipcMain.handle` per contract channel, nothing else. Every call
 * first proves it comes from our main window's top-level frame showing app://;
 * anything else (a subframe, another window, a page that navigated away) gets a
 * SENDER_FORBIDDEN envelope and never reaches the router.
 */

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

export const SENDER_FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: 'SENDER_FORBIDDEN', messageKey: messageKeyFor('SENDER_FORBIDDEN') },
};

export function makeTrustedSenderCheck(getWindow: () => BrowserWindow | null): SenderCheck {
  return (event) => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return false;
    const contents = win.webContents;
    if (event.sender !== contents) return false;
    const frame = event.senderFrame;
    const top = contents.mainFrame;
    if (!frame || !top) return false;
    if (frame.parent !== null) return false;
    if (frame.processId !== top.processId || frame.routingId !== top.routingId) return false;
    return isAppUrl(frame.url);
  };
}

export type IpcRegistrar = Pick<IpcMain, 'handle'>;

export function registerIpc(ipcMain: IpcRegistrar, router: RouterCall, isTrustedSender: SenderCheck): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event)) return SENDER_FORBIDDEN;
      return router(channel, input);
    });
  }
}
