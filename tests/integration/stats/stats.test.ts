import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService } from '../../../src/main/services/generation';
import { createStatsService } from '../../../src/main/services/stats';
import { GenerateRequest, StatsResponse, type GenerationResult } from '../../../src/shared/api';
import { removeRegions, testDriver, testRegions } from '../../support/db';
import { databaseCounts, testDeps } from '../generation/support';

describe('statistics', () => {
  let driver: Driver;
  const regions = testRegions(2);
  let before: StatsResponse;
  let result: GenerationResult;
  const stats = () => createStatsService(testDeps(driver, regions)).getStats();

  beforeAll(async () => {
    driver = testDriver();
    before = await stats();
    result = await createGenerationService(testDeps(driver, regions)).run(
      GenerateRequest.parse({ regions, consultants_per_region: 3, seed: 12 }),
    );
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it('counts per label, type and region, and reports the last generation', async () => {
    const after = StatsResponse.parse(await stats());
    for (const [label, count] of Object.entries(result.nodes_by_label))
      expect(after.nodes_by_label[label], label).toBe((before.nodes_by_label[label] ?? 0) + count);
    for (const [type, count] of Object.entries(result.relationships_by_type))
      expect(after.relationships_by_type[type], type).toBe(
        (before.relationships_by_type[type] ?? 0) + count,
      );
    expect(after.total_nodes).toBe(before.total_nodes + result.total_nodes);
    expect(after.total_relationships).toBe(before.total_relationships + result.total_relationships);
    for (const region of regions) {
      const entry = after.regions.find((r) => r.region === region);
      expect(entry?.nodes).toBe(result.total_nodes / 2);
      expect(entry?.nodes_by_label.CONSULTANT).toBe(3);
    }
    expect(after.last_generation).toMatchObject({
      generation_id: result.generation_id,
      regions,
      nodes: result.total_nodes,
      relationships: result.total_relationships,
      seed: 12,
    });
    // The generation record is metadata: not counted as a network node.
    const counts = await databaseCounts(driver);
    expect(counts.nodes).toBeGreaterThan(after.total_nodes);
  });
});
