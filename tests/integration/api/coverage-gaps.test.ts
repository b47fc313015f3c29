/** GET /api/v1/graph/coverage-gaps over HTTP on the hand-built fixture network. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoverageGaps } from '../../../src/shared/api';
import { createFilterGraph, type FixtureIds } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let ids: FixtureIds;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness();
  [A = '', B = ''] = h.regions;
  ids = await createFilterGraph(h.driver, testDatabase().database, A, B);
  // The orphan product gets a Positive rating: rated well, owned by no one.
  await h.driver.executeQuery(
    "MATCH (c:CONSULTANT {id: $c}), (p:PRODUCT {id: $p}) CREATE (c)-[:RATES {rating: 'Positive'}]->(p)",
    { c: ids.C2, p: ids.P9 },
    { database: testDatabase().database },
  );
});
afterAll(async () => {
  await h.close();
});

const gaps = async (query: string) =>
  CoverageGaps.parse(
    (await request(h.app).get(`/api/v1/graph/coverage-gaps?${query}`).expect(200)).body,
  );

describe('GET /api/v1/graph/coverage-gaps', () => {
  it('lists at-risk companies without level-4 coverage and Positive-rated unowned products', async () => {
    const found = await gaps(`regions=${A},${B}`);
    // CO1 has an at-risk mandate but level-4 coverage; CO2's at-risk mandate has only level 2.
    expect(found.at_risk_without_level_4.map((g) => [g.node.id, g.mandates, g.value])).toEqual([
      [ids.CO2, 1, 1000],
    ]);
    // P1 and P4 are owned in their regions; P9 is not.
    expect(found.positive_unowned.map((g) => [g.node.id, g.positive_ratings])).toEqual([
      [ids.P9, 1],
    ]);
  });

  it('keeps to the regions asked for', async () => {
    expect(await gaps(`regions=${B}`)).toEqual({
      at_risk_without_level_4: [],
      positive_unowned: [],
    });
    await request(h.app).get('/api/v1/graph/coverage-gaps?limit=0').expect(400);
  });
});
