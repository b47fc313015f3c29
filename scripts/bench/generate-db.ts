/**
 * The benchmark's database: its own managed Neo4j in a temporary data folder (with the managed
 * server's default memory settings), or the one named by NEO4J_URI when `--allow-clear` says
 * that the benchmark may delete all of its data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, type Config } from '../../src/main/config/env';
import { resolveAppPaths } from '../../src/main/config/paths';
import { settingsFromConfig } from '../../src/main/db/connection';
import { checkConnectivity, createDriver, type DbSettings } from '../../src/main/db/driver';
import { startManaged } from '../../src/main/db/managed/server';

export type BenchDatabase = {
  driver: Driver;
  settings: DbSettings;
  database: string;
  config: Config;
  description: string;
  close: () => Promise<void>;
};

export const BENCH_HEAP = '1g';
export const BENCH_PAGE_CACHE = '512m';

export async function openBenchDatabase(allowClear: boolean): Promise<BenchDatabase> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    if (!allowClear)
      throw new Error(
        `NEO4J_URI is set: the benchmark deletes all data of ${config.NEO4J_URI}; pass --allow-clear to agree`,
      );
    const settings = settingsFromConfig(config);
    const driver = createDriver(settings);
    const info = await checkConnectivity(driver, settings);
    return {
      driver,
      settings,
      database: settings.database,
      config,
      description: `Neo4j ${info.version} (${info.edition}) at ${settings.uri}`,
      close: () => driver.close(),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'smart-network-bench-'));
  const instance = await startManaged({
    dataDir,
    cacheDir: resolveAppPaths(config).cacheDir,
    boltPort: 0,
    heapMax: BENCH_HEAP,
    pageCache: BENCH_PAGE_CACHE,
    // A shared, busy machine may take minutes to open Bolt.
    startTimeoutMs: 600_000,
  });
  const settings = settingsFromConfig(
    config,
    { uri: instance.uri, ...instance.credentials },
    'managed',
  );
  const driver = createDriver(settings);
  await checkConnectivity(driver, settings);
  return {
    driver,
    settings,
    database: settings.database,
    config,
    description:
      `managed Neo4j ${instance.version} (heap max ${BENCH_HEAP}, page cache ${BENCH_PAGE_CACHE}) ` +
      `in ${dataDir}`,
    close: async () => {
      await driver.close();
      await instance.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
