import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { PathRequest } from '../../shared/contracts/transfer';

/**
 * The desktop shell's file dialog for transfers (the core's `choosePath` option): a
 * folder on the medium for an export, a bundle file (.mjb) for an import. Modal to the
 * main window; the title and the file-type name come translated from the renderer.
 * Returns the chosen path, or null when the user cancels.
 */
export function makePathChooser(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | null,
): (request: PathRequest) => Promise<string | null> {
  return async (request) => {
    const options: OpenDialogOptions =
      request.purpose === 'exportFolder'
        ? { title: request.title, properties: ['openDirectory', 'createDirectory'] }
        : {
            title: request.title,
            properties: ['openFile'],
            filters: [{ name: request.filterName, extensions: ['mjb'] }],
          };
    const win = getWindow();
    const result =
      win && !win.isDestroyed()
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
