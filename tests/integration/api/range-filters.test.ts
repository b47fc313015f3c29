/**
 * The range filters of POST /api/v1/graph/filter over HTTP on generated data: each range property
 * bounded to the middle of its values returns exactly the nodes of the standard paths a direct
 * Cypher query finds with that bound; refused and empty ranges.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphResponse, RANGE_FILTERS, type RangeProperty } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let A = '';

beforeAll(async () => {
  h = await openHarness();
  [A = ''] = h.regions;
  await request(h.app)
    .post('/api/v1/graph/generate')
    .send({ regions: [A], consultants_per_region: 6, seed: 23 })
    .expect(200);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const query = async (cypher: string, params: Record<string, unknown> = {}) =>
  (
    await h.driver.executeQuery(
      cypher,
      { region: A, ...params },
      { database: testDatabase().database },
    )
  ).records.map((r) => r.toObject());

/** The property each range filter bounds, as a Cypher expression over a path's variables. */
const ON: Record<RangeProperty, { expr: string; date: boolean }> = {
  aum: { expr: 'co.aum', date: false },
  performance: { expr: 'c.performance', date: false },
  influence: { expr: 'c.influence', date: false },
  fc_total_plan_assets: { expr: 'f.fc_total_plan_assets', date: false },
  owns_value: { expr: 'o.value', date: false },
  owns_start_date: { expr: 'o.start_date', date: true },
  rates_date: { expr: 'r.date', date: true },
};

/** Every standard path of region A (with its rating, when there is one), written out directly. */
const PATHS = `
CALL () {
  MATCH (c:CONSULTANT {region: $region})-[:EMPLOYS]->(f:FIELD_CONSULTANT {region: $region})
        -[:COVERS]->(co:COMPANY {region: $region})-[o:OWNS]->(p:PRODUCT {region: $region})
  RETURN c, f, co, o, p
  UNION ALL
  MATCH (c:CONSULTANT {region: $region})-[:COVERS]->(co:COMPANY {region: $region})
        -[o:OWNS]->(p:PRODUCT {region: $region})
  RETURN c, null AS f, co, o, p
}
OPTIONAL MATCH (c)-[r:RATES]->(p)`;

/** The values' lower and upper quartiles, as the filter takes them (ISO days for dates). */
async function quartiles(field: RangeProperty): Promise<[number | string, number | string]> {
  const { expr, date } = ON[field];
  const [row] = await query(
    `${PATHS}
     WITH ${expr} AS v WHERE v IS NOT NULL
     WITH v ORDER BY v
     WITH collect(v) AS vs
     RETURN vs[size(vs) / 4] AS lo, vs[(3 * size(vs)) / 4] AS hi`,
  );
  const value = (v: unknown) => (date ? String(v) : Number(v));
  return [value(row?.lo), value(row?.hi)];
}

/** Node ids on the paths whose bounded property lies within [lo, hi]. */
async function expectedIds(field: RangeProperty, lo: unknown, hi: unknown): Promise<string[]> {
  const { expr, date } = ON[field];
  const bound = (p: string) => (date ? `date(${p})` : p);
  const [row] = await query(
    `${PATHS}
     WITH * WHERE ${expr} >= ${bound('$lo')} AND ${expr} <= ${bound('$hi')}
     UNWIND [c, f, co, p] AS n
     WITH DISTINCT n WHERE n IS NOT NULL
     RETURN collect(n.id) AS ids`,
    { lo, hi },
  );
  return (row?.ids as string[]).sort();
}

const filter = (body: object) => request(h.app).post('/api/v1/graph/filter').send(body);

describe('range filters of POST /api/v1/graph/filter', () => {
  for (const field of Object.keys(ON) as RangeProperty[]) {
    it(`keeps the paths whose ${field} is within the range`, async () => {
      const [lo, hi] = await quartiles(field);
      const { min, max } = RANGE_FILTERS[field];
      const response = await filter({ regions: [A], [min]: lo, [max]: hi, limit: 100_000 });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const graph = GraphResponse.parse(response.body);
      const expected = await expectedIds(field, lo, hi);
      expect(expected.length).toBeGreaterThan(0);
      // A real restriction: fewer nodes than the unfiltered network.
      const all = GraphResponse.parse(
        (await filter({ regions: [A], limit: 100_000 }).expect(200)).body,
      );
      expect(graph.nodes.length).toBeLessThan(all.nodes.length);
      expect(graph.nodes.map((n) => n.id).sort()).toEqual(expected);
    });
  }

  it('refuses a range whose minimum exceeds its maximum, naming the field', async () => {
    for (const [min, max, low, high] of [
      ['aum_min', 'aum_max', 10, 1],
      ['rates_date_min', 'rates_date_max', '2024-02-01', '2024-01-01'],
    ] as const) {
      const response = await filter({ regions: [A], [min]: low, [max]: high }).expect(400);
      const body = ErrorBody.parse(response.body);
      expect(body.error.details?.[0]?.field).toBe(min);
      expect(body.error.message).toContain(max);
    }
  });

  it('refuses a date that is not an ISO day, naming the field', async () => {
    const response = await filter({ owns_start_date_min: '01/02/2024' }).expect(400);
    expect(JSON.stringify(ErrorBody.parse(response.body).error)).toContain('owns_start_date_min');
  });

  it('refuses ranges on elements the recommendations mode has not', async () => {
    const response = await filter({ mode: 'recommendations', performance_min: 1 }).expect(400);
    expect(ErrorBody.parse(response.body).error.details?.[0]?.field).toBe('performance_min');
    await filter({ mode: 'recommendations', regions: [A], aum_min: 0 }).expect(200);
  });

  it('answers a range holding no value with an empty network, never a wider one', async () => {
    const [row] = await query(
      'MATCH (:COMPANY {region: $region})-[o:OWNS]->(:PRODUCT) RETURN max(o.value) AS top',
    );
    const response = await filter({ regions: [A], owns_value_min: Number(row?.top) + 1 });
    const graph = GraphResponse.parse(response.body);
    expect(graph.nodes).toEqual([]);
    expect(graph.totals?.nodes).toBe(0);
  });
});
