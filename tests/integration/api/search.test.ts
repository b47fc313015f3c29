/** Ranked, paged search and a found node's links over HTTP, on the hand-built fixture network. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinksResponse, SearchResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
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
});
afterAll(async () => {
  await h.close();
});

const search = async (query: Record<string, string | number | string[]>) => {
  const res = await request(h.app)
    .get('/api/v1/search')
    .query({ regions: [A, B], ...query })
    .expect(200);
  return SearchResponse.parse(res.body);
};
const hitIds = (r: SearchResponse) => r.results.map((hit) => hit.node.id);

describe('GET /api/v1/search', () => {
  it('finds a node by its exact id first, and a missing id finds nothing', async () => {
    const found = await search({ q: ids.CO1 });
    expect(found.results[0]).toMatchObject({ node: { id: ids.CO1 }, rank: 'exact' });
    expect(hitIds(found)).toEqual([ids.CO1]);
    // Lower case is the same id.
    expect(hitIds(await search({ q: ids.CO1.toLowerCase() }))).toEqual([ids.CO1]);
    const missing = await search({ q: `${A}-CO-9999` });
    expect(missing).toEqual({ results: [], total: 0, offset: 0, has_more: false });
  });

  it('finds ids by their beginning', async () => {
    const companies = await search({ q: `${A}-CO` });
    expect(hitIds(companies).sort()).toEqual([ids.CO1, ids.CO2, ids.CO3, ids.CO4].sort());
    expect(companies.results.every((r) => r.rank !== 'exact')).toBe(true);
  });

  it('ranks exact names, then nodes in view, then the current region, then the rest', async () => {
    const exact = await search({ q: 'global equity' });
    expect(exact.results[0]).toMatchObject({ node: { id: ids.P1 }, rank: 'exact' });

    const ranked = await search({
      q: 'equity',
      labels: ['PRODUCT', 'INCUMBENT_PRODUCT'],
      near: [`PRODUCT:${ids.P3}`],
      region: B,
    });
    expect(ranked.results.map((r) => [r.node.id, r.rank])).toEqual([
      [ids.P3, 'in_view'],
      [ids.P4, 'region'],
      ...ranked.results.slice(2).map((r) => [r.node.id, 'other']),
    ]);
    expect(hitIds(ranked).slice(2).sort()).toEqual([ids.I1, ids.P1].sort());
  });

  it('pages the matches and says how many there are', async () => {
    const first = await search({ q: 'equity', labels: ['PRODUCT'], limit: 2 });
    expect(first.total).toBe(3);
    expect(first.results).toHaveLength(2);
    expect(first.has_more).toBe(true);
    const rest = await search({ q: 'equity', labels: ['PRODUCT'], limit: 2, offset: 2 });
    expect(rest.results).toHaveLength(1);
    expect(rest.has_more).toBe(false);
    expect(new Set([...hitIds(first), ...hitIds(rest)]).size).toBe(3);
  });

  it('answers no matches for text that matches nothing', async () => {
    expect(await search({ q: 'zzqx nothing' })).toMatchObject({ results: [], total: 0 });
  });

  it('refuses too many nodes in view, naming the field', async () => {
    const res = await request(h.app)
      .get('/api/v1/search')
      .query({
        q: 'equity',
        near: Array.from({ length: 301 }, (_, i) => `PRODUCT:X${i}`).join(','),
      })
      .expect(400);
    expect(ErrorBody.parse(res.body).error.details?.[0]?.field).toBe('near');
  });
});

describe('POST /api/v1/nodes/links', () => {
  it('returns the node and only its relationships to the nodes named', async () => {
    const res = await request(h.app)
      .post('/api/v1/nodes/links')
      .send({
        node: { label: 'COMPANY', id: ids.CO1 },
        among: [`PRODUCT:${ids.P1}`, `FIELD_CONSULTANT:${ids.F1}`, `PRODUCT:${ids.P9}`],
      })
      .expect(200);
    const links = LinksResponse.parse(res.body);
    expect(links.node.id).toBe(ids.CO1);
    expect(links.nodes.map((n) => n.id).sort()).toEqual([ids.CO1, ids.F1, ids.P1].sort());
    expect(links.relationships.map((r) => r.type).sort()).toEqual(['COVERS', 'OWNS']);
  });

  it('returns the node alone when none of its neighbours is drawn, and 404 for no node', async () => {
    const res = await request(h.app)
      .post('/api/v1/nodes/links')
      .send({ node: { label: 'PRODUCT', id: ids.P9 }, among: [] })
      .expect(200);
    expect(LinksResponse.parse(res.body)).toMatchObject({
      relationships: [],
      node: { id: ids.P9 },
    });
    const missing = await request(h.app)
      .post('/api/v1/nodes/links')
      .send({ node: { label: 'PRODUCT', id: 'NO-SUCH' }, among: [] })
      .expect(404);
    expect(ErrorBody.parse(missing.body).error.details?.[0]?.field).toBe('node.id');
  });
});
