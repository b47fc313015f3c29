/**
 * Electron composition root: configuration → backend (driver or managed Neo4j, services) →
 * embedded REST API → IPC → window. `--headless <command…>` runs the CLI instead, with no window.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  app,
  type BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import { runCli } from './cli/program';
import { ConfigError, loadConfig, type Config } from './config/env';
import { resolveAppPaths, type AppPaths } from './config/paths';
import { headlessArgs } from './desktop/args';
import { createDesktopLogger } from './desktop/logging';
import { createDesktopShell } from './desktop/shell';
import { createShutdown, onTerminationSignals } from './desktop/shutdown';
import type { Logger } from './logger';
import type { PasswordCipher } from './settings/profiles';
import { createSettingsStore, settingsPath, type SettingsStore } from './settings/store';
import { readWindowPlacement, saveWindowPlacement } from './settings/window-state';
import { createMainWindow } from './window/create';
import { privilegedScheme, registerAppProtocol } from './window/protocol';
import { APP_ENTRY_URL, APP_ORIGIN, contentSecurityPolicy, hardenSession } from './window/security';
import { originOf } from './ipc/sender';

const PRODUCT_NAME = 'Smart Network';

/** safeStorage, except Linux's plain-text fallback, which would only pretend to encrypt. */
const keychainCipher: PasswordCipher = {
  available: () =>
    safeStorage.isEncryptionAvailable() &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};

function runHeadless(args: string[]): void {
  app.dock?.hide();
  runCli(args).then(
    (code) => app.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      app.exit(1);
    },
  );
}

function loadDesktopConfig(): { config: Config; paths: AppPaths } {
  // A packaged app is production unless the user says otherwise.
  process.env.ENVIRONMENT ??= app.isPackaged ? 'production' : 'development';
  const config = loadConfig();
  const paths = resolveAppPaths(config);
  // Electron's own storage joins the app's data folder, which the headless tools share.
  app.setPath('userData', paths.dataDir);
  return { config, paths };
}

type Shell = {
  config: Config;
  paths: AppPaths;
  logger: Logger;
  logFile: string;
  settings: SettingsStore;
};

function startDesktop(shellContext: Shell): void {
  const { config, paths, logger, settings } = shellContext;
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const devOrigin = devServer ? originOf(devServer) : undefined;
  const appOrigins = devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
  const shutdown = createShutdown(logger);
  let window: BrowserWindow | undefined;

  const { runtime, menu, disposeIpc } = createDesktopShell({
    config,
    paths,
    logger,
    settings,
    logFile: shellContext.logFile,
    app: {
      name: PRODUCT_NAME,
      version: app.getVersion(),
      platform: process.platform,
      development: !app.isPackaged,
    },
    cipher: keychainCipher,
    ipcMain,
    appOrigins,
    contents: () => (window && !window.isDestroyed() ? window.webContents : undefined),
    showSaveDialog: (options) =>
      window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
    showOpenDialog: (options) =>
      window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
    downloadsFolder: () => app.getPath('downloads'),
    openExternal: (url) => void shell.openExternal(url),
    openPath: (path) => void shell.openPath(path),
  });

  const csp = (): string => {
    const api = runtime.info().api_url;
    return contentSecurityPolicy({
      ...(api && { apiOrigin: originOf(api) }),
      ...(devOrigin && { devServerOrigin: devOrigin }),
    });
  };
  hardenSession(session.defaultSession, csp);
  registerAppProtocol(protocol, join(import.meta.dirname, '../renderer'), csp, (file) =>
    readFile(file),
  );

  const openWindow = (): void => {
    window = createMainWindow({
      title: PRODUCT_NAME,
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      url: devServer ?? APP_ENTRY_URL,
      appOrigins,
      saved: readWindowPlacement(settings),
      onPlacement: (placement) => saveWindowPlacement(settings, placement),
      onBlocked: (what, url) => logger.warn({ what, url }, 'Blocked by the window policy'),
    });
    window.on('closed', () => {
      window = undefined;
    });
  };

  Menu.setApplicationMenu(Menu.buildFromTemplate(menu));

  // Newest first at shutdown: IPC stops answering, then the API, driver and managed Neo4j stop.
  shutdown.add('backend', () => runtime.close());
  shutdown.add('ipc', disposeIpc);

  const quit = (reason: string): void => {
    void shutdown.run(reason).finally(() => app.exit(0));
  };
  app.on('before-quit', (event) => {
    event.preventDefault();
    quit('quit');
  });
  onTerminationSignals(process, (signal) => quit(signal));
  app.on('second-instance', () => {
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') quit('windows closed');
  });
  app.on('activate', () => {
    if (!window) openWindow();
  });

  openWindow();
  void runtime.start();
}

function main(): void {
  const headless = headlessArgs(process.argv);
  if (headless) return runHeadless(headless);

  if (!app.requestSingleInstanceLock()) {
    // Another window is already open; it is brought forward by its 'second-instance' handler.
    app.quit();
    return;
  }
  let context: Shell;
  try {
    const { config, paths } = loadDesktopConfig();
    const mirror = process.stderr.isTTY || !app.isPackaged ? process.stderr : undefined;
    const { logger, file } = createDesktopLogger(config, paths.dataDir, mirror);
    context = {
      config,
      paths,
      logger,
      logFile: file,
      settings: createSettingsStore(settingsPath(paths.dataDir)),
    };
  } catch (error) {
    const message = error instanceof ConfigError ? error.message : String(error);
    void app.whenReady().then(() => {
      dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
      app.exit(1);
    });
    return;
  }
  protocol.registerSchemesAsPrivileged([privilegedScheme]);
  app.whenReady().then(
    () => startDesktop(context),
    (error: unknown) => {
      context.logger.fatal({ err: error }, 'The app failed to start');
      app.exit(1);
    },
  );
}

main();
