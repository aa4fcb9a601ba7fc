import type { MenuItemConstructorOptions } from 'electron';

/**
 * The application menu uses roles only, so the OS supplies the labels and there is
 * nothing to translate. macOS needs the app and Edit menus for the standard
 * shortcuts (copy/paste, quit); elsewhere production has no menu bar at all.
 * Development builds add the View menu (reload, DevTools).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
): MenuItemConstructorOptions[] | null {
  const dev: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'viewMenu' }];
  if (platform === 'darwin')
    return [{ role: 'appMenu' }, { role: 'editMenu' }, ...dev, { role: 'windowMenu' }];
  return isPackaged ? null : [{ role: 'editMenu' }, ...dev];
}
