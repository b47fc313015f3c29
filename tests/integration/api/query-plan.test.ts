/**
 * EXPLAIN and PROFILE over HTTP: POST /api/v1/graph/query with `plan` answers the plan tree of
 * the real database (EXPLAIN without running the query, PROFILE with rows and db hits per
 * operator); a plan the API does not know is refused naming the field.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let A = '';

beforeAll(async () => {
  h = await openHarness();
  [A = ''] = h.regions;
  await createFilterGraph(h.driver, testDatabase().database, A, h.regions[1] ?? A);
});
afterAll(async () => {
  await h.close();
});

const QUERY = 'MATCH (c:CONSULTANT {region: $region}) RETURN count(c) AS n';

const query = async (plan: string) =>
  QueryResponse.parse(
    (
      await request(h.app)
        .post('/api/v1/graph/query')
        .send({ query: QUERY, parameters: { region: A }, plan })
        .expect(200)
    ).body,
  );

describe('POST /api/v1/graph/query with a plan', () => {
  it('EXPLAIN answers the plan tree without running the query', async () => {
    const explained = await query('explain');
    expect(explained.rows).toEqual([]);
    const plan = explained.plan ?? [];
    expect(plan[0]?.operator).toBe('ProduceResults');
    expect(plan.length).toBeGreaterThan(1);
    expect(plan.every((o) => o.rows === null && o.db_hits === null)).toBe(true);
    // Every child position names an operator of the list.
    for (const o of plan) for (const c of o.children) expect(plan[c]).toBeDefined();
  });

  it('PROFILE runs it: the rows are the data’s, each operator has its rows and db hits', async () => {
    const { records } = await h.driver.executeQuery(
      'MATCH (c:CONSULTANT {region: $region}) RETURN count(c) AS n',
      { region: A },
      { database: testDatabase().database },
    );
    const expected = Number(records[0]?.get('n'));
    expect(expected).toBeGreaterThan(0);
    const profiled = await query('profile');
    expect(profiled.rows).toEqual([{ n: expected }]);
    const plan = profiled.plan ?? [];
    expect(plan[0]?.rows).toBe(1);
    expect(plan.every((o) => typeof o.rows === 'number' && typeof o.db_hits === 'number')).toBe(
      true,
    );
    expect(plan.reduce((sum, o) => sum + (o.db_hits ?? 0), 0)).toBeGreaterThan(0);
  });

  it('refuses a plan it does not know, naming the field', async () => {
    const response = await request(h.app)
      .post('/api/v1/graph/query')
      .send({ query: QUERY, parameters: { region: A }, plan: 'analyse' })
      .expect(400);
    expect(ErrorBody.parse(response.body).error.details?.[0]?.field).toBe('plan');
  });
});
