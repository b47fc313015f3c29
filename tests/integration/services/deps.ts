/** Service dependencies over the test database, and the hand-built network shared by files. */
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { parseConfig } from '../../../src/main/config/env';
import type { ServiceDeps } from '../../../src/main/services/types';
import { createFilterGraph, type FixtureIds } from '../../fixtures/filter-graph';
import { removeRegions, testDatabase, testDriver, testRegions, testTarget } from '../../support/db';

export function serviceDeps(driver: Driver, env: Record<string, string> = {}): ServiceDeps {
  return {
    driver,
    database: testDatabase().database,
    config: parseConfig(env),
    logger: pino({ level: 'silent' }),
    // The address errors name: the one the test points the driver at, as NEO4J_URI does.
    target: { ...testTarget(), ...(env.NEO4J_URI && { uri: env.NEO4J_URI }) },
  };
}

export type FilterGraphFixture = {
  driver: Driver;
  ids: FixtureIds;
  A: string;
  B: string;
  /** Dependencies whose configured regions are the fixture's two. */
  deps: ServiceDeps;
};

/**
 * Builds tests/fixtures/filter-graph.ts in two fresh regions before the file's tests (handing the
 * fixture to `onReady`) and removes it afterwards.
 */
export function useFilterGraph(onReady: (fixture: FilterGraphFixture) => void): void {
  let fixture: FilterGraphFixture | undefined;
  beforeAll(async () => {
    const [A = '', B = ''] = testRegions(2);
    const driver = testDriver();
    const ids = await createFilterGraph(driver, testDatabase().database, A, B);
    fixture = { driver, ids, A, B, deps: serviceDeps(driver, { REGIONS: `${A},${B}` }) };
    onReady(fixture);
  });
  afterAll(async () => {
    if (!fixture) return;
    await removeRegions(fixture.driver, [fixture.A, fixture.B]);
    await fixture.driver.close();
  });
}
