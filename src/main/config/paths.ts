/**
 * Per-user folders, following each platform's conventions (the same folders Electron's
 * `app.getPath('userData')` resolves to), so the desktop app and the headless tools share them.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_DIR_NAME = 'smart-network';

function platformDataHome(): string {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support');
  if (process.platform === 'win32') return process.env.APPDATA ?? join(home, 'AppData', 'Roaming');
  return process.env.XDG_DATA_HOME ?? join(home, '.local', 'share');
}

function platformCacheHome(): string {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches');
  if (process.platform === 'win32')
    return process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
  return process.env.XDG_CACHE_HOME ?? join(home, '.cache');
}

export type AppPaths = {
  /** Settings, managed database data, logs. */
  dataDir: string;
  /** Downloaded artifacts that can be fetched again. */
  cacheDir: string;
};

export function resolveAppPaths(overrides: {
  SMART_NETWORK_DATA_DIR?: string | undefined;
  SMART_NETWORK_CACHE_DIR?: string | undefined;
}): AppPaths {
  return {
    dataDir: overrides.SMART_NETWORK_DATA_DIR ?? join(platformDataHome(), APP_DIR_NAME),
    cacheDir: overrides.SMART_NETWORK_CACHE_DIR ?? join(platformCacheHome(), APP_DIR_NAME),
  };
}
