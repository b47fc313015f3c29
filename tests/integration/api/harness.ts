/**
 * An API over the test database: a real backend (services, cache, metrics) in regions of the
 * test's own, the Express app for supertest, and cleanup that removes only those regions.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import type { Express } from 'express';
import { createApiApp } from '../../../src/main/api/app';
import type { ApiOptions } from '../../../src/main/api/types';
import { assembleBackend, type Backend } from '../../../src/main/backend';
import { parseConfig } from '../../../src/main/config/env';
import type { Database } from '../../../src/main/db/connection';
import { createDriver, type DbSettings } from '../../../src/main/db/driver';
import { setupSchema } from '../../../src/main/db/schema';
import { removeRegions, testDriver, testRegions, testSettings } from '../../support/db';

export type Harness = {
  app: Express;
  backend: Backend;
  regions: string[];
  /** A separate driver for checking the database behind the API's back. */
  driver: Driver;
  close: () => Promise<void>;
};

export function openDatabase(settings: DbSettings): Database {
  const driver = createDriver(settings);
  return {
    driver,
    settings,
    info: { address: settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
    close: () => driver.close(),
  };
}

/** Like `harness`, after making sure the schema (constraints, full-text index) is in place. */
export async function openHarness(
  env: Record<string, string> = {},
  options: ApiOptions & { regions?: number } = {},
): Promise<Harness> {
  const h = harness(env, options);
  await setupSchema(h.driver, testSettings().database);
  return h;
}

export function harness(
  env: Record<string, string> = {},
  options: ApiOptions & { regions?: number; database?: Database } = {},
): Harness {
  const regions = testRegions(options.regions ?? 2);
  const config = parseConfig({ REGIONS: regions.join(','), ENVIRONMENT: 'test', ...env });
  const backend = assembleBackend({
    db: options.database ?? openDatabase(testSettings()),
    config,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const driver = testDriver();
  return {
    app: createApiApp(backend, options),
    backend,
    regions,
    driver,
    close: async () => {
      await removeRegions(driver, regions);
      await driver.close();
      await backend.close();
    },
  };
}

/** Nodes and relationships of the given regions, counted directly. */
export async function countRegions(
  driver: Driver,
  regions: string[],
): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    `MATCH (n) WHERE n.region IN $regions
     OPTIONAL MATCH (n)-[r]->()
     RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`,
    { regions },
  );
  const record = records[0];
  const int = (key: string): number => {
    const value: unknown = record?.get(key);
    return neo4j.isInt(value) ? value.toNumber() : Number(value);
  };
  return { nodes: int('nodes'), relationships: int('relationships') };
}

/** Everything in the database, counted directly (for "nothing was written" checks). */
export async function countAll(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  const record = records[0];
  const int = (key: string): number => {
    const value: unknown = record?.get(key);
    return neo4j.isInt(value) ? value.toNumber() : Number(value);
  };
  return { nodes: int('nodes'), relationships: int('relationships') };
}
