/**
 * The desktop's open operation: main asks the user for a file with the native open dialog and
 * reads it. A page cannot open its own file chooser from a native menu command (the browser
 * shows one only for a user's click in the page), so the menu's "Open View…" comes here.
 */
import { basename } from 'node:path';
import { SAVE_FILE_MAX_BYTES, type OpenFileResult } from '../../shared/desktop';
import { AppError } from '../../shared/errors';
import type { DesktopHandlers } from './types';

/** The part of Electron's open dialog options the app uses (opening a view, importing files). */
export type OpenDialogOptions = {
  defaultPath?: string;
  filters: { name: string; extensions: string[] }[];
  properties: ('openFile' | 'multiSelections')[];
};

export type OpenFileDeps = {
  /** Electron's `dialog.showOpenDialog` for the app window. */
  showOpenDialog: (
    options: OpenDialogOptions,
  ) => Promise<{ canceled: boolean; filePaths: string[] }>;
  readFile: (path: string) => Promise<Buffer>;
  size: (path: string) => Promise<number>;
  /** The folder the dialog opens in (e.g. Downloads, where saved views go). */
  defaultFolder: () => string;
};

export function createOpenFile(deps: OpenFileDeps): DesktopHandlers['openFile'] {
  return async (input): Promise<OpenFileResult> => {
    const answer = await deps.showOpenDialog({
      defaultPath: deps.defaultFolder(),
      filters: input.filters.map((filter) => ({ ...filter, extensions: [...filter.extensions] })),
      properties: ['openFile'],
    });
    const path = answer.filePaths[0];
    if (answer.canceled || !path) return { opened: false, name: null, text: null };
    if ((await deps.size(path)) > SAVE_FILE_MAX_BYTES)
      throw new AppError('PAYLOAD_TOO_LARGE', `${basename(path)} is larger than 100 MB.`);
    return {
      opened: true,
      name: basename(path),
      text: (await deps.readFile(path)).toString('utf8'),
    };
  };
}
