/**
 * Resolves the database to use: the one named by NEO4J_URI, or else the managed local Neo4j
 * (started on demand, and followed when it is restarted). Returns the process's driver, checked
 * for connectivity.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config/env';
import type { AppPaths } from '../config/paths';
import type { Logger } from '../logger';
import { checkConnectivity, createDriver, type DbSettings, type ServerInfo } from './driver';
import type { UriSource } from './errors';
import { openManagedDatabase } from './managed/follow';
import { startManaged, type ManagedInstance, type ManagedOptions } from './managed/server';

export type Database = {
  /** Stays valid for the process: with the managed database it follows the server's restarts. */
  driver: Driver;
  /** The current server's settings (the managed one's port may change). */
  readonly settings: DbSettings;
  readonly info: ServerInfo;
  /** Present when the app runs the managed local Neo4j: the server in use now. */
  readonly managed?: ManagedInstance;
  close: () => Promise<void>;
};

export type ConnectOptions = {
  onProgress?: (message: string) => void;
  /** Where reconnections of the managed database are reported. */
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** Overrides for the managed server (tests: memory, preferred port). */
  managed?: Pick<ManagedOptions, 'boltPort' | 'heapMax' | 'pageCache' | 'startTimeoutMs'>;
  /**
   * Where a configured NEO4J_URI and its credentials came from: the environment, or a connection
   * profile of the desktop app (which sets them too), so that a refusal names what to fix.
   */
  source?: Extract<UriSource, 'NEO4J_URI' | 'profile'>;
};

export function settingsFromConfig(
  config: Config,
  override?: { uri: string; username: string; password: string },
  source: UriSource = override ? 'other' : 'NEO4J_URI',
): DbSettings {
  return {
    uri: override?.uri ?? config.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    username: override?.username ?? config.NEO4J_USERNAME,
    password: override?.password ?? config.NEO4J_PASSWORD ?? '',
    database: config.NEO4J_DATABASE,
    maxConnectionPoolSize: config.NEO4J_MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: config.NEO4J_CONNECTION_ACQUISITION_TIMEOUT * 1000,
    connectTimeout: config.NEO4J_CONNECT_TIMEOUT * 1000,
    source,
  };
}

async function connectConfigured(config: Config, source: UriSource): Promise<Database> {
  const settings = settingsFromConfig(config, undefined, source);
  const driver = createDriver(settings);
  try {
    const info = await checkConnectivity(driver, settings);
    return { driver, settings, info, close: () => driver.close() };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

export async function connectDatabase(
  config: Config,
  paths: AppPaths,
  options: ConnectOptions = {},
): Promise<Database> {
  if (config.NEO4J_URI) return connectConfigured(config, options.source ?? 'NEO4J_URI');
  const instance = await startManaged({
    dataDir: paths.dataDir,
    cacheDir: paths.cacheDir,
    boltPort: config.SMART_NETWORK_NEO4J_PORT,
    ...options.managed,
    onProgress: options.onProgress,
  });
  try {
    return await openManagedDatabase(
      settingsFromConfig(config, { uri: instance.uri, ...instance.credentials }, 'managed'),
      instance,
      { dataDir: paths.dataDir, logger: options.logger },
    );
  } catch (error) {
    await instance.stop();
    throw error;
  }
}
