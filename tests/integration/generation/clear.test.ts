import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createClearService } from '../../../src/main/services/clear';
import { createGenerationService } from '../../../src/main/services/generation';
import { ClearInput, GenerateRequest } from '../../../src/shared/api';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { canonicalDump, countInRegions, databaseCounts, testDeps } from './support';

describe('clear', () => {
  let driver: Driver;
  const regions = testRegions(3);
  const [a, b, c] = regions as [string, string, string];

  beforeAll(async () => {
    driver = testDriver();
    await createGenerationService(testDeps(driver, regions)).run(
      GenerateRequest.parse({ regions, consultants_per_region: 2, seed: 9 }),
    );
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it('needs an explicit confirmation', () => {
    expect(ClearInput.safeParse({ regions: [a] }).success).toBe(false);
    expect(ClearInput.safeParse({ confirm: false }).success).toBe(false);
  });

  it('deletes only the chosen regions and says what it deleted', async () => {
    const before = await databaseCounts(driver);
    const kept = await canonicalDump(driver, [c], true);
    const inA = await canonicalDump(driver, [a, b]);
    const result = await createClearService(testDeps(driver, regions)).clearGraph(
      ClearInput.parse({ confirm: true, regions: [a, b] }),
    );
    expect(result).toMatchObject({
      deleted_nodes: inA.nodes.length,
      deleted_relationships: inA.relationships.length,
      regions: [a, b],
    });
    expect(await countInRegions(driver, [a, b])).toBe(0);
    expect(await canonicalDump(driver, [c], true)).toEqual(kept);
    expect(await databaseCounts(driver)).toEqual({
      nodes: before.nodes - result.deleted_nodes,
      relationships: before.relationships - result.deleted_relationships,
    });
  });

  it('deletes relationships that reach into a cleared region from elsewhere', async () => {
    const database = testDatabase().database;
    await driver.executeQuery(
      'MATCH (x:CONSULTANT {region: $c}) WITH x LIMIT 1 ' +
        'CREATE (x)-[:COVERS {level_of_influence: 1, coverage_type: "Secondary"}]->(:COMPANY {id: $id, name: "Cross", region: $b})',
      { c, b, id: `${b}-CO-CROSS` },
      { database },
    );
    const result = await createClearService(testDeps(driver, regions)).clearGraph(
      ClearInput.parse({ confirm: true, regions: [b] }),
    );
    expect(result).toMatchObject({ deleted_nodes: 1, deleted_relationships: 1 });
  });

  // Clearing everything is only tried on the run's own database, never on a configured one.
  it.runIf(testDatabase().disposable)('deletes everything in batches', async () => {
    const result = await createClearService(testDeps(driver, regions)).clearGraph(
      ClearInput.parse({ confirm: true }),
    );
    expect(result.regions).toBeNull();
    expect(result.deleted_nodes).toBeGreaterThan(0);
    expect(await databaseCounts(driver)).toEqual({ nodes: 0, relationships: 0 });
  });
});
