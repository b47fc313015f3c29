/**
 * GET /api/v1/graph/distributions over HTTP on generated data, checked against aggregates worked
 * out here from the raw relationships the database holds.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Distributions } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness();
  [A = '', B = ''] = h.regions;
  await request(h.app)
    .post('/api/v1/graph/generate')
    .send({ regions: [A, B], consultants_per_region: 5, seed: 31 })
    .expect(200);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const rows = async (cypher: string) =>
  (
    await h.driver.executeQuery(cypher, { regions: [A, B] }, { database: testDatabase().database })
  ).records.map((r) => r.toObject() as Record<string, string | number>);

const distributions = async (query: string) =>
  Distributions.parse(
    (await request(h.app).get(`/api/v1/graph/distributions?${query}`).expect(200)).body,
  );

/** Sums of count and value per key, sorted by key. */
function grouped(items: { key: string; value: number }[]) {
  const out = new Map<string, { count: number; value: number }>();
  for (const { key, value } of items) {
    const g = out.get(key) ?? { count: 0, value: 0 };
    out.set(key, { count: g.count + 1, value: g.value + value });
  }
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('GET /api/v1/graph/distributions', () => {
  it('aggregates mandates, ratings and coverage as the raw data adds up', async () => {
    const d = await distributions(`regions=${A}&regions=${B}&top=3`);
    const owns = await rows(
      `MATCH (co:COMPANY)-[o:OWNS]->(:PRODUCT) WHERE co.region IN $regions
       RETURN co.region AS region, o.mandate_status AS status, o.value AS value`,
    );
    expect(owns.length).toBeGreaterThan(0);
    const byStatus = grouped(owns.map((o) => ({ key: String(o.status), value: Number(o.value) })));
    expect(d.mandates_by_status.map((g) => [g.status, { count: g.count, value: g.value }])).toEqual(
      byStatus,
    );
    const byRegion = grouped(owns.map((o) => ({ key: String(o.region), value: Number(o.value) })));
    expect(d.mandates_by_region.map((g) => g.region)).toEqual([A, B].sort());
    expect(d.mandates_by_region.map((g) => [g.region, { count: g.count, value: g.value }])).toEqual(
      byRegion,
    );

    const rates = await rows(
      `MATCH (:CONSULTANT)-[r:RATES]->(p:PRODUCT) WHERE p.region IN $regions
       RETURN p.asset_class AS asset_class, r.rating AS rating`,
    );
    const ratings = new Map<string, number>();
    for (const r of rates) {
      const key = `${r.asset_class}|${r.rating}`;
      ratings.set(key, (ratings.get(key) ?? 0) + 1);
    }
    expect(
      Object.fromEntries(
        d.ratings_by_asset_class.map((x) => [`${x.asset_class}|${x.rating}`, x.count]),
      ),
    ).toEqual(Object.fromEntries(ratings));

    // Coverage: the distinct companies each consultant reaches directly or via its field consultants.
    const consultants = await rows(
      'MATCH (c:CONSULTANT) WHERE c.region IN $regions RETURN c.id AS id',
    );
    const links = await rows(
      `MATCH (c:CONSULTANT)-[:COVERS]->(co:COMPANY) WHERE c.region IN $regions
       RETURN c.id AS c, co.id AS co
       UNION ALL
       MATCH (c:CONSULTANT)-[:EMPLOYS]->(:FIELD_CONSULTANT)-[:COVERS]->(co:COMPANY)
       WHERE c.region IN $regions RETURN c.id AS c, co.id AS co`,
    );
    const covered = new Map<string, Set<string>>(consultants.map((c) => [String(c.id), new Set()]));
    for (const l of links) covered.get(String(l.c))?.add(String(l.co));
    const histogram = new Map<number, number>();
    for (const set of covered.values()) histogram.set(set.size, (histogram.get(set.size) ?? 0) + 1);
    expect(d.coverage_per_consultant).toEqual(
      [...histogram.entries()]
        .sort(([a], [b]) => a - b)
        .map(([companies, n]) => ({ companies, consultants: n })),
    );
    const ranked = [...covered.entries()]
      .map(([id, set]) => ({ id, companies: set.size }))
      .sort((a, b) => b.companies - a.companies || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    expect(d.top_consultants.map((t) => ({ id: t.node.id, companies: t.companies }))).toEqual(
      ranked,
    );

    const companies = await rows(
      `MATCH (co:COMPANY) WHERE co.region IN $regions AND co.aum IS NOT NULL
       RETURN co.id AS id, co.aum AS aum`,
    );
    const richest = companies
      .map((c) => ({ id: c.id as string, aum: Number(c.aum) }))
      .sort((a, b) => b.aum - a.aum || (a.id < b.id ? -1 : 1))
      .slice(0, 3);
    expect(d.top_companies.map((t) => ({ id: t.node.id, aum: t.aum }))).toEqual(richest);
  });

  it('narrows to the regions asked for', async () => {
    const d = await distributions(`regions=${A}`);
    expect(d.mandates_by_region.map((g) => g.region)).toEqual([A]);
    expect(d.top_companies.every((t) => t.node.properties.region === A)).toBe(true);
  });

  it('refuses a top outside its bounds, naming the field', async () => {
    const response = await request(h.app).get('/api/v1/graph/distributions?top=0').expect(400);
    expect(ErrorBody.parse(response.body).error.details?.[0]?.field).toBe('top');
  });
});
