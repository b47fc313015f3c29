/**
 * What integration tests know of their database. Tests keep to their own data: they create it
 * in regions of their own (`testRegions`) and remove only those, so a configured database that
 * holds other data is left as it was.
 */
import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import type { DbSettings } from '../../src/main/db/driver';
import type { DatabaseTarget } from '../../src/main/db/errors';

export type TestDatabase = {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True for the run's own temporary database, which tests may empty entirely. */
  disposable: boolean;
  dataDir?: string;
};

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  export interface ProvidedContext {
    neo4j: TestDatabase;
  }
}

export function testDatabase(): TestDatabase {
  return inject('neo4j');
}

export function testSettings(overrides: Partial<DbSettings> = {}): DbSettings {
  const db = testDatabase();
  return {
    uri: db.uri,
    username: db.username,
    password: db.password,
    database: db.database,
    maxConnectionPoolSize: 20,
    connectionAcquisitionTimeout: 10_000,
    connectTimeout: 10_000,
    ...overrides,
  };
}

/** The test database as services name it in errors (its credentials come from the setup). */
export function testTarget(): DatabaseTarget {
  const db = testDatabase();
  return { uri: db.uri, database: db.database, source: 'NEO4J_URI' };
}

export function testDriver(): Driver {
  const db = testDatabase();
  return neo4j.driver(db.uri, neo4j.auth.basic(db.username, db.password));
}

/** Region codes unique to one test file, e.g. ["TA3F9C0", "TB3F9C0"]. */
export function testRegions(count = 1): string[] {
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  return Array.from({ length: count }, (_, i) => `T${String.fromCharCode(65 + i)}${suffix}`);
}

/**
 * Removes every node in the given regions (and their relationships), and the records of the
 * generation runs that wrote into them (`SN_GENERATION` nodes list regions, not one region).
 */
export async function removeRegions(driver: Driver, regions: string[]): Promise<void> {
  // CALL { } IN TRANSACTIONS needs an auto-commit transaction, hence session.run.
  const session = driver.session({ database: testDatabase().database });
  try {
    await session.run(
      'MATCH (n) WHERE n.region IN $regions CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS',
      { regions },
    );
    await session.run(
      'MATCH (g:SN_GENERATION) WHERE any(r IN g.regions WHERE r IN $regions) DELETE g',
      { regions },
    );
  } finally {
    await session.close();
  }
}
