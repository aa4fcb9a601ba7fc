import type { WebContents } from 'electron';
import { isAppUrl } from './app-scheme';

/**
 * Applied to every WebContents the app creates (via app 'web-contents-created'):
 * navigation only within app://mingjing, no new windows, no <webview>.
 * Links to the outside world are not opened in a browser either: the machines
 * this runs on have none that should be reached from here.
 */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function guardWebContents(contents: GuardableContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
