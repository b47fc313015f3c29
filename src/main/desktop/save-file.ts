/**
 * The desktop's save operation: main asks the user for a place with the native save dialog and
 * writes the file itself. The renderer only suggests a name; the folder and final name come
 * from the dialog alone, so a page can never choose where on disk something is written.
 */
import { basename, join } from 'node:path';
import type { SaveFileResult } from '../../shared/desktop';
import type { DesktopHandlers } from './types';

export type SaveDialogOptions = {
  defaultPath: string;
  filters: { name: string; extensions: string[] }[];
};

export type SaveFileDeps = {
  /** Electron's `dialog.showSaveDialog` for the app window. */
  showSaveDialog: (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** The folder the dialog opens in (e.g. Downloads). */
  defaultFolder: () => string;
};

export function createSaveFile(deps: SaveFileDeps): DesktopHandlers['saveFile'] {
  return async (input): Promise<SaveFileResult> => {
    const answer = await deps.showSaveDialog({
      // basename again: the schema already refuses folders, this keeps it true if that changes.
      defaultPath: join(deps.defaultFolder(), basename(input.suggestedName)),
      filters: input.filters.map((filter) => ({ ...filter, extensions: [...filter.extensions] })),
    });
    if (answer.canceled || !answer.filePath) return { saved: false, path: null };
    await deps.writeFile(answer.filePath, input.data);
    return { saved: true, path: answer.filePath };
  };
}
