/**
 * Resolves the database to use: the one named by NEO4J_URI, or else the managed local Neo4j
 * (started on demand). Returns the process's driver, checked for connectivity.
 */
import type { Driver } from 'neo4j-driver';
import type { Config } from '../config/env';
import type { AppPaths } from '../config/paths';
import { checkConnectivity, createDriver, type DbSettings, type ServerInfo } from './driver';
import { startManaged, type ManagedInstance } from './managed/server';

export type Database = {
  driver: Driver;
  settings: DbSettings;
  info: ServerInfo;
  /** Present when the app runs the managed local Neo4j. */
  managed?: ManagedInstance;
  close: () => Promise<void>;
};

export function settingsFromConfig(
  config: Config,
  override?: { uri: string; username: string; password: string },
): DbSettings {
  return {
    uri: override?.uri ?? config.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
    username: override?.username ?? config.NEO4J_USERNAME,
    password: override?.password ?? config.NEO4J_PASSWORD ?? '',
    database: config.NEO4J_DATABASE,
    maxConnectionPoolSize: config.NEO4J_MAX_CONNECTION_POOL_SIZE,
    connectionAcquisitionTimeout: config.NEO4J_CONNECTION_ACQUISITION_TIMEOUT * 1000,
    connectTimeout: config.NEO4J_CONNECT_TIMEOUT * 1000,
  };
}

export async function connectDatabase(
  config: Config,
  paths: AppPaths,
  onProgress?: (message: string) => void,
): Promise<Database> {
  let managed: ManagedInstance | undefined;
  if (!config.NEO4J_URI) {
    managed = await startManaged({ dataDir: paths.dataDir, cacheDir: paths.cacheDir, onProgress });
  }
  const settings = settingsFromConfig(
    config,
    managed && { uri: managed.uri, ...managed.credentials },
  );
  const driver = createDriver(settings);
  try {
    const info = await checkConnectivity(driver, settings);
    return {
      driver,
      settings,
      info,
      ...(managed && { managed }),
      close: async () => {
        await driver.close();
        await managed?.stop();
      },
    };
  } catch (error) {
    await driver.close();
    await managed?.stop();
    throw error;
  }
}
