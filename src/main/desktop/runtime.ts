/**
 * The desktop app's backend lifecycle, under plain Node: starts the backend and its REST API
 * for the active connection profile (or the configuration / managed database), keeps the
 * window usable when that fails (the error is shown, profiles can be fixed), switches profiles
 * by restarting both on the same port, and serves the desktop-only operations.
 */
import type { AppInfo } from '../../shared/desktop';
import { AppError, isAppError } from '../../shared/errors';
import type { Config } from '../config/env';
import type { AppPaths } from '../config/paths';
import type { Logger } from '../logger';
import type { ProfileCredentials, ProfileStore } from '../settings/profiles';
import type { DesktopHandlers, GenerationEvents, ShellApiServer, ShellBackend } from './types';

export type ConnectionCheck = (target: Omit<ProfileCredentials, 'protection'>) => Promise<{
  address: string;
  version: string;
  edition: string;
  latencyMs: number;
}>;

export type RuntimeOptions<B extends ShellBackend> = {
  config: Config;
  paths: AppPaths;
  logger: Logger;
  profiles: ProfileStore;
  settingsFile: string;
  logFile: string | null;
  app: { name: string; version: string; platform: string };
  createBackend: (options: {
    config: Config;
    paths: AppPaths;
    logger: Logger;
    onProgress?: (message: string) => void;
    /** A profile's credentials are named as such when the database refuses them. */
    source?: 'NEO4J_URI' | 'profile';
  }) => Promise<B>;
  startApiServer: (
    backend: B,
    options: { host: string; port: number; fallbackToFreePort: boolean },
  ) => Promise<ShellApiServer>;
  checkConnection: ConnectionCheck;
  /** Called whenever what `info()` reports changes (start-up progress included). */
  onChange?: (info: AppInfo) => void;
};

export type DesktopRuntime = {
  /** Starts the backend for the active profile; never throws (failures land in `info()`). */
  start: () => Promise<void>;
  handlers: () => ShellBackend['handlers'];
  generation: () => GenerationEvents;
  /** Everything but the file dialogs, which need the window and live with it. */
  desktop: Omit<
    DesktopHandlers,
    'saveFile' | 'openFile' | 'chooseImportFiles' | 'startChosenImport'
  >;
  info: () => AppInfo;
  close: () => Promise<void>;
};

type Running<B> = {
  backend: B;
  server: ShellApiServer;
  database: NonNullable<AppInfo['database']>;
};

/** Configuration with a profile's connection in place of NEO4J_*. */
function configForProfile(config: Config, profile: ProfileCredentials | undefined): Config {
  if (!profile) return config;
  return {
    ...config,
    NEO4J_URI: profile.uri,
    NEO4J_USERNAME: profile.username,
    NEO4J_PASSWORD: profile.password === '' ? undefined : profile.password,
    NEO4J_DATABASE: profile.database,
    PROTECTION: profile.protection,
  };
}

function startupError(error: unknown): NonNullable<AppInfo['startup_error']> {
  if (isAppError(error)) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'The app could not start its backend; see its log.' };
}

export function createDesktopRuntime<B extends ShellBackend>(
  options: RuntimeOptions<B>,
): DesktopRuntime {
  const { logger, profiles } = options;
  let running: Running<B> | undefined;
  let failure: AppInfo['startup_error'] = null;
  let starting = false;
  let progress: string | null = null;
  let apiPort = options.config.API_PORT;
  // Starts, stops and switches run one at a time, in the order they were asked for.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const info = (): AppInfo => ({
    name: options.app.name,
    version: options.app.version,
    platform: options.app.platform,
    api_url: running?.server.url ?? null,
    data_dir: options.paths.dataDir,
    settings_file: options.settingsFile,
    log_file: options.logFile,
    database: running?.database ?? null,
    startup_error: failure,
    startup_progress: starting ? progress : null,
  });
  const changed = (): void => options.onChange?.(info());

  const stop = async (): Promise<void> => {
    const current = running;
    running = undefined;
    if (!current) return;
    await current.server
      .close()
      .catch((error: unknown) => logger.warn({ err: error }, 'API close failed'));
    await current.backend.close();
  };

  const launch = async (): Promise<void> => {
    starting = true;
    failure = null;
    changed();
    const profileId = profiles.activeId();
    let backend: B | undefined;
    try {
      const profile = profileId === null ? undefined : profiles.credentials(profileId);
      const config = configForProfile(options.config, profile);
      backend = await options.createBackend({
        config,
        paths: options.paths,
        logger,
        source: profile ? 'profile' : 'NEO4J_URI',
        onProgress: (message) => {
          progress = message;
          changed();
        },
      });
      const server = await options.startApiServer(backend, {
        host: config.API_HOST,
        port: apiPort,
        fallbackToFreePort: true,
      });
      apiPort = server.port;
      const health = await backend.handlers.health({});
      running = {
        backend,
        server,
        database: {
          uri: health.database.uri,
          database: health.database.database,
          managed: health.database.managed,
          profile_id: profileId,
        },
      };
      logger.info({ api: server.url, database: health.database.uri }, 'Backend started');
    } catch (error) {
      await backend?.close().catch(() => undefined);
      failure = startupError(error);
      logger.error({ err: error }, 'Backend did not start');
    } finally {
      starting = false;
      progress = null;
      changed();
    }
  };

  const current = (): B => {
    if (running) return running.backend;
    if (starting)
      throw new AppError('DATABASE_UNAVAILABLE', 'The app is still connecting to Neo4j.');
    throw new AppError(
      failure?.code === 'DATABASE_AUTH_FAILED' ? 'DATABASE_AUTH_FAILED' : 'DATABASE_UNAVAILABLE',
      failure?.message ?? 'The app is not connected to a database.',
    );
  };

  const desktop: DesktopRuntime['desktop'] = {
    getAppInfo: () => Promise.resolve(info()),
    listProfiles: () => Promise.resolve(profiles.list()),
    saveProfile: (input) => Promise.resolve(profiles.save(input)),
    deleteProfile: ({ id }) => Promise.resolve(profiles.remove(id)),
    testConnection: async (input) => {
      const password =
        input.password ??
        (input.profile_id === undefined ? '' : profiles.credentials(input.profile_id).password);
      const result = await options.checkConnection({
        uri: input.uri,
        username: input.username,
        database: input.database,
        password,
      });
      return {
        address: result.address,
        version: result.version,
        edition: result.edition,
        latency_ms: result.latencyMs,
      };
    },
    activateProfile: ({ id }) =>
      serially(async () => {
        profiles.setActive(id);
        await stop();
        await launch();
        return info();
      }),
  };

  return {
    start: () => serially(launch),
    handlers: () => current().handlers,
    generation: () => current().generation,
    desktop,
    info,
    close: () => serially(stop),
  };
}
