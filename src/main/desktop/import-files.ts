/**
 * The desktop's import: main asks the user for files with the native open dialog and imports
 * them itself. The renderer only passes options; which files are read comes from the dialog
 * alone, so a page can never name a path on disk.
 */
import { basename } from 'node:path';
import type { ImportChoiceJob, ImportChoiceResult } from '../../shared/desktop';
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

/** The files the user picked, or null when the dialog was cancelled. */
async function choose(deps: ImportFilesDeps): Promise<{ path: string; name: string }[] | null> {
  const answer = await deps.showOpenDialog({
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'CSV or Excel', extensions: ['csv', 'xlsx'] }],
  });
  if (answer.canceled || answer.filePaths.length === 0) return null;
  return answer.filePaths.map((path) => ({ path, name: basename(path) }));
}

export function createImportFiles(deps: ImportFilesDeps): DesktopHandlers['importChosenFiles'] {
  return async (options): Promise<ImportChoiceResult> => {
    const files = await choose(deps);
    if (!files) return { chosen: false, result: null };
    return { chosen: true, result: await deps.handlers().importFiles({ ...options, files }) };
  };
}

/** The same, as a job: progress and cancel through getImportJob and cancelImport. */
export function createStartChosenImport(
  deps: ImportFilesDeps,
): DesktopHandlers['startChosenImport'] {
  return async (options): Promise<ImportChoiceJob> => {
    const files = await choose(deps);
    if (!files) return { chosen: false, job: null };
    return { chosen: true, job: await deps.handlers().startImport({ ...options, files }) };
  };
}
