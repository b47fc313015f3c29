/**
 * The desktop app's main process as plain Node: the runtime (backend and REST API for the active
 * profile), the IPC handlers, the save, open and import file handlers, the native menu's template and the status
 * events, wired together. Electron's parts (ipcMain, the window, the save dialog, the keychain,
 * the OS shell) come in as arguments: index.ts passes Electron's.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { APP_STATUS_EVENT, MENU_COMMAND_EVENT } from '../../shared/ipc';
import { startApiServer } from '../api/server';
import { createBackend } from '../backend';
import type { Config } from '../config/env';
import type { AppPaths } from '../config/paths';
import { registerIpc, type IpcMainLike } from '../ipc/register';
import type { Logger } from '../logger';
import { createProfileStore, type PasswordCipher } from '../settings/profiles';
import type { SettingsStore } from '../settings/store';
import { menuTemplate } from '../window/menu';
import { connectionCheck } from './connection-check';
import { createImportFiles } from './import-files';
import { logDirOf } from './logging';
import { createOpenFile, type OpenFileDeps } from './open-file';
import { createDesktopRuntime, type DesktopRuntime } from './runtime';
import { createSaveFile, type SaveFileDeps } from './save-file';

/** The window's web contents, while it is open. */
type ShellContents = { id: number; send: (channel: string, ...args: unknown[]) => void };

export type DesktopShellOptions = {
  config: Config;
  paths: AppPaths;
  logger: Logger;
  settings: SettingsStore;
  logFile: string | null;
  app: { name: string; version: string; platform: NodeJS.Platform; development: boolean };
  cipher: PasswordCipher;
  ipcMain: IpcMainLike;
  /** Origins the app's page is served from; IPC answers only them. */
  appOrigins: readonly string[];
  contents: () => ShellContents | undefined;
  showSaveDialog: SaveFileDeps['showSaveDialog'];
  showOpenDialog: OpenFileDeps['showOpenDialog'];
  downloadsFolder: () => string;
  openExternal: (url: string) => void;
  openPath: (path: string) => void;
};

export type DesktopShell = {
  runtime: DesktopRuntime;
  /** The native menu's template (index.ts builds Electron's menu from it). */
  menu: ReturnType<typeof menuTemplate>;
  /** Stops answering IPC. */
  disposeIpc: () => void;
};

export function createDesktopShell(options: DesktopShellOptions): DesktopShell {
  const { config, paths, logger, settings } = options;
  const runtime: DesktopRuntime = createDesktopRuntime({
    config,
    paths,
    logger,
    profiles: createProfileStore(settings, options.cipher),
    settingsFile: settings.file,
    logFile: options.logFile,
    app: options.app,
    createBackend,
    startApiServer,
    checkConnection: connectionCheck(config),
    onChange: (info) => options.contents()?.send(APP_STATUS_EVENT, info),
  });

  const disposeIpc = registerIpc({
    ipcMain: options.ipcMain,
    handlers: runtime.handlers,
    desktop: {
      ...runtime.desktop,
      saveFile: createSaveFile({
        showSaveDialog: options.showSaveDialog,
        writeFile: (path, data) => writeFile(path, data),
        defaultFolder: options.downloadsFolder,
      }),
      openFile: createOpenFile({
        showOpenDialog: options.showOpenDialog,
        readFile: (path) => readFile(path),
        size: async (path) => (await stat(path)).size,
        defaultFolder: options.downloadsFolder,
      }),
      ...createImportFiles({
        showOpenDialog: options.showOpenDialog,
        handlers: runtime.handlers,
      }),
    },
    generation: runtime.generation,
    policy: { windowId: () => options.contents()?.id, origins: options.appOrigins },
    logger,
  });

  const menu = menuTemplate({
    appName: options.app.name,
    platform: options.app.platform,
    development: options.app.development,
    send: (command) => options.contents()?.send(MENU_COMMAND_EVENT, command),
    openExternal: options.openExternal,
    openPath: (which) =>
      options.openPath(which === 'logs' ? logDirOf(paths.dataDir) : paths.dataDir),
  });

  return { runtime, menu, disposeIpc };
}
