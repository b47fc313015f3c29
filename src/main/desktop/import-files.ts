/**
 * The desktop's import: main asks the user for files with the native open dialog and keeps
 * their paths under a choice id; the renderer then checks (dry run) and imports that choice, as
 * the browser checks and imports the files it uploads. Which files are read comes from the
 * dialog alone, so a page can never name a path on disk.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ImportChoice } from '../../shared/desktop';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../services/types';
import type { OpenDialogOptions } from './open-file';
import type { DesktopHandlers } from './types';

export type ImportFilesDeps = {
  /** Electron's `dialog.showOpenDialog` for the app window. */
  showOpenDialog: (
    options: OpenDialogOptions,
  ) => Promise<{ canceled: boolean; filePaths: string[] }>;
  handlers: () => Handlers;
};

type ChosenFile = { path: string; name: string };

/** The choices kept (the newest ones); an older choice is forgotten and has to be made again. */
const KEPT_CHOICES = 8;

export function createImportFiles(
  deps: ImportFilesDeps,
): Pick<DesktopHandlers, 'chooseImportFiles' | 'startChosenImport'> {
  const choices = new Map<string, ChosenFile[]>();
  return {
    chooseImportFiles: async (): Promise<ImportChoice> => {
      const answer = await deps.showOpenDialog({
        properties: ['openFile', 'multiSelections'],
        filters: [{ name: 'CSV or Excel', extensions: ['csv', 'xlsx'] }],
      });
      if (answer.canceled || answer.filePaths.length === 0) return { choice: null, names: [] };
      const files = answer.filePaths.map((path) => ({ path, name: basename(path) }));
      const choice = randomUUID();
      choices.set(choice, files);
      for (const old of choices.keys()) {
        if (choices.size <= KEPT_CHOICES) break;
        choices.delete(old);
      }
      return { choice, names: files.map((file) => file.name) };
    },
    startChosenImport: async ({ choice, ...options }) => {
      const files = choices.get(choice);
      if (!files)
        throw new AppError('NOT_FOUND', 'Those files are no longer chosen: choose them again.');
      return await deps.handlers().startImport({ ...options, files });
    },
  };
}
