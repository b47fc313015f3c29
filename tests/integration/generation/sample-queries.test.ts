import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService } from '../../../src/main/services/generation';
import { deleteGeneration } from '../../../src/main/services/generation/delete';
import { GenerateRequest } from '../../../src/shared/api';
import { testDatabase, testDriver } from '../../support/db';
import { testDeps } from './support';

/** The seed README's sample queries, verbatim. */
const SAMPLE_QUERIES = [
  `MATCH (c:CONSULTANT {region: 'NAI'}) RETURN c`,
  `MATCH (fc:FIELD_CONSULTANT)-[r:COVERS {level_of_influence: 4}]->(comp:COMPANY)
RETURN fc, r, comp`,
  `MATCH (c:CONSULTANT)-[r:RATES {rating: 'Positive'}]->(p:PRODUCT)
RETURN c.name, p.name, p.asset_class`,
  `MATCH (comp:COMPANY)-[r:OWNS {mandate_status: 'At Risk'}]->(p:PRODUCT)
RETURN comp.name, p.name, r.value`,
];

describe("the seed README's sample queries", () => {
  let driver: Driver;
  let generationId: string;
  const rows = async (query: string) =>
    (await driver.executeQuery(query, {}, { database: testDatabase().database, routing: 'READ' }))
      .records.length;
  let before: number[];

  beforeAll(async () => {
    driver = testDriver();
    before = await Promise.all(SAMPLE_QUERIES.map(rows));
    // The queries name region NAI, so this run appends to NAI; it is removed by its generation id.
    const result = await createGenerationService(testDeps(driver, ['NAI'])).run(
      GenerateRequest.parse({ regions: ['NAI'] }),
    );
    generationId = result.generation_id;
  });
  afterAll(async () => {
    await deleteGeneration(driver, testDatabase().database, generationId);
    await driver.close();
  });

  it.each(SAMPLE_QUERIES.map((query, index) => [index + 1, query] as const))(
    'query %i returns rows after a default generation',
    async (index, query) => {
      expect(await rows(query)).toBeGreaterThan(before[index - 1]!);
    },
  );
});
