import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService } from '../../../src/main/services/generation';
import type { GenerationProgress } from '../../../src/shared/api';
import { GenerateRequest } from '../../../src/shared/api';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../src/shared/domain';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { canonicalDump, countInRegions, databaseCounts, testDeps } from './support';

const SEED_EXAMPLE = {
  consultants_per_region: 5,
  field_consultants_per_consultant: 2,
  companies_per_field_consultant: 3,
  products_per_company: 2,
};

describe('generator writes', () => {
  let driver: Driver;
  const regions = testRegions(2);
  const [first, second] = regions as [string, string];
  const service = () => createGenerationService(testDeps(driver, regions));
  const request = (input: object) => GenerateRequest.parse(input);

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  // The first run on a fresh database also creates the schema, which is slow on a busy machine.
  it(
    "writes the seed README's example and reports exactly what is in the database",
    { timeout: 180_000 },
    async () => {
      const events: GenerationProgress[] = [];
      const result = await service().run(request({ regions: [first], ...SEED_EXAMPLE, seed: 1 }), {
        onProgress: (p) => events.push(p),
      });
      expect(result.nodes_by_label).toEqual({
        CONSULTANT: 5,
        FIELD_CONSULTANT: 10,
        COMPANY: 30,
        PRODUCT: 50,
        INCUMBENT_PRODUCT: 25,
      });
      const database = testDatabase().database;
      for (const label of NODE_LABELS) {
        const { records } = await driver.executeQuery(
          `MATCH (n:${label} {region: $region, generation_id: $generation}) RETURN count(n) AS count`,
          { region: first, generation: result.generation_id },
          { database },
        );
        expect(Number(records[0]?.get('count')), label).toBe(result.nodes_by_label[label]);
      }
      for (const type of RELATIONSHIP_TYPES) {
        const { records } = await driver.executeQuery(
          `MATCH (a {region: $region})-[r:${type}]->() RETURN count(r) AS count`,
          { region: first },
          { database },
        );
        expect(Number(records[0]?.get('count')), type).toBe(result.relationships_by_type[type]);
      }
      expect(result.total_relationships).toBeGreaterThan(result.total_nodes);
      // Progress: prepare, then every label and type up to its total, then done.
      expect(events[0]?.phase).toBe('prepare');
      expect(events.at(-1)?.phase).toBe('done');
      for (const label of NODE_LABELS)
        expect(
          events.some((e) => e.item === label && e.done === result.nodes_by_label[label]),
        ).toBe(true);
      for (const type of RELATIONSHIP_TYPES)
        expect(
          events.some((e) => e.item === type && e.done === result.relationships_by_type[type]),
        ).toBe(true);
    },
  );

  it('stores integers and dates with their Neo4j types', async () => {
    const { records } = await driver.executeQuery(
      'MATCH (c:CONSULTANT {region: $region})-[e:EMPLOYS]->(:FIELD_CONSULTANT)-[r:COVERS]->(:COMPANY) ' +
        'RETURN DISTINCT valueType(r.level_of_influence) AS influence, valueType(e.start_date) AS start, ' +
        'valueType(c.performance) AS performance',
      { region: first },
      { database: testDatabase().database },
    );
    expect(records.map((r) => r.toObject())).toEqual([
      { influence: 'INTEGER NOT NULL', start: 'DATE NOT NULL', performance: 'INTEGER NOT NULL' },
    ]);
  });

  it('produces identical data for the same seed (canonical dump)', async () => {
    const input = request({
      regions: [second],
      consultants_per_region: 3,
      seed: 2024,
      batch_size: 17,
    });
    await service().run(input);
    const firstDump = await canonicalDump(driver, [second]);
    await removeRegions(driver, [second]);
    await service().run(input);
    const secondDump = await canonicalDump(driver, [second]);
    expect(firstDump.nodes.length).toBe(72);
    expect(secondDump).toEqual(firstDump);
  });

  it('appends with ids numbered on from those present', async () => {
    const before = await countInRegions(driver, [second]);
    const result = await service().run(
      request({ regions: [second], consultants_per_region: 2, seed: 1 }),
    );
    expect(await countInRegions(driver, [second])).toBe(before + result.total_nodes);
    const { records } = await driver.executeQuery(
      'MATCH (c:CONSULTANT {generation_id: $generation}) RETURN c.id AS id ORDER BY id',
      { generation: result.generation_id },
      { database: testDatabase().database },
    );
    expect(records.map((r) => r.get('id') as string)).toEqual([
      `${second}-C-0004`,
      `${second}-C-0005`,
    ]);
  });

  it('replaces the regions it generates, reporting what it replaced', async () => {
    const before = await countInRegions(driver, [second]);
    const untouched = await canonicalDump(driver, [first], true);
    const result = await service().run(
      request({ regions: [second], consultants_per_region: 1, seed: 5, mode: 'replace' }),
    );
    expect(result.replaced?.nodes).toBe(before);
    expect(await countInRegions(driver, [second])).toBe(result.total_nodes);
    const { records } = await driver.executeQuery(
      'MATCH (n {region: $region}) RETURN collect(DISTINCT n.generation_id) AS generations',
      { region: second },
      { database: testDatabase().database },
    );
    expect(records[0]?.get('generations')).toEqual([result.generation_id]);
    expect(await canonicalDump(driver, [first], true)).toEqual(untouched);
  });

  it('refuses a request above a bound before writing anything', async () => {
    const counts = await databaseCounts(driver);
    const generator = createGenerationService(
      testDeps(driver, regions, { MAX_CONSULTANTS_PER_REGION: '3' }),
    );
    await expect(
      generator.run(request({ regions: [first], consultants_per_region: 4 })),
    ).rejects.toMatchObject({
      code: 'BOUND_EXCEEDED',
      details: [{ field: 'consultants_per_region', bound: 3 }],
    });
    await expect(
      generator.start(request({ regions: [first], consultants_per_region: 4 })),
    ).rejects.toMatchObject({ code: 'BOUND_EXCEEDED' });
    await expect(generator.run(request({ regions: ['ELSEWHERE'] }))).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'regions' }],
    });
    expect(await databaseCounts(driver)).toEqual(counts);
  });
});
