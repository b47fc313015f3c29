/** Read endpoints over HTTP on the hand-built fixture network. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/errors';
import {
  FilterOptions,
  GraphResponse,
  NeighboursResponse,
  NodeDetails,
  SearchResponse,
  StatsResponse,
} from '../../../src/shared/api';
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

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('GET /api/v1/graph/region/{region}', () => {
  it("returns the region's network with totals", async () => {
    const res = await request(h.app).get(`/api/v1/graph/region/${A}`).expect(200);
    const graph = GraphResponse.parse(res.body);
    expect(graph.nodes.every((n) => n.region === A)).toBe(true);
    expect(graph.nodes.map((n) => n.id)).toContain(ids.C1);
    expect(graph.truncated).toBe(false);
    expect(graph.totals?.nodes).toBe(graph.nodes.length);
  });

  it('caps the result at limit and says so', async () => {
    const res = await request(h.app).get(`/api/v1/graph/region/${A}?limit=3`).expect(200);
    const graph = GraphResponse.parse(res.body);
    expect(graph.nodes).toHaveLength(3);
    expect(graph.truncated).toBe(true);
    expect(graph.limit).toBe(3);
  });

  it('names the field of a bad limit and of a bad region', async () => {
    const limit = await request(h.app).get(`/api/v1/graph/region/${A}?limit=zero`).expect(400);
    expect(errorOf(limit.body)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(errorOf(limit.body).details?.[0]?.field).toBe('limit');
    const region = await request(h.app).get('/api/v1/graph/region/nai').expect(400);
    expect(errorOf(region.body).details?.[0]?.field).toBe('region');
  });
});

describe('POST /api/v1/graph/filter', () => {
  it("accepts the seed README's body verbatim", async () => {
    const body = `{
    "regions": ["${A}"],
    "node_types": ["CONSULTANT", "PRODUCT"],
    "mandate_statuses": ["Active"],
    "ratings": ["Positive"]
  }`;
    const res = await request(h.app)
      .post('/api/v1/graph/filter')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(200);
    const graph = GraphResponse.parse(res.body);
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([ids.C1, ids.C2, ids.P1].sort());
  });

  it('refuses an unknown field and a wrong enum value, naming them', async () => {
    const unknown = await request(h.app).post('/api/v1/graph/filter').send({ colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(errorOf(unknown.body))).toContain('colour');
    const wrong = await request(h.app)
      .post('/api/v1/graph/filter')
      .send({ ratings: ['Great'] })
      .expect(400);
    expect(errorOf(wrong.body).details?.[0]?.field).toBe('ratings.0');
  });
});

describe('statistics and filter options', () => {
  it('GET /api/v1/graph/stats counts the regions', async () => {
    const res = await request(h.app).get('/api/v1/graph/stats').expect(200);
    const stats = StatsResponse.parse(res.body);
    const a = stats.regions.find((r) => r.region === A);
    expect(a?.nodes_by_label.CONSULTANT).toBe(2);
  });

  it('GET /api/v1/filters/options and /{region}', async () => {
    const all = FilterOptions.parse(
      (await request(h.app).get('/api/v1/filters/options').expect(200)).body,
    );
    expect(all.regions).toEqual(expect.arrayContaining([A, B]));
    const a = FilterOptions.parse(
      (await request(h.app).get(`/api/v1/filters/options/${A}`).expect(200)).body,
    );
    expect(a.consultants.map((c) => c.id).sort()).toEqual([ids.C1, ids.C2].sort());
    await request(h.app).get('/api/v1/filters/options/x-y').expect(400);
  });

  it('POST /api/v1/filters/options narrows by the current filter', async () => {
    const res = await request(h.app)
      .post('/api/v1/filters/options')
      .send({ regions: [B] })
      .expect(200);
    expect(FilterOptions.parse(res.body).consultants.map((c) => c.id)).toEqual([ids.C3]);
    await request(h.app).post('/api/v1/filters/options').send({ regions: 'B' }).expect(400);
  });
});

describe('exploration', () => {
  it('GET /api/v1/nodes/{label}/{id} returns details, 404 when missing', async () => {
    const res = await request(h.app).get(`/api/v1/nodes/CONSULTANT/${ids.C1}`).expect(200);
    expect(NodeDetails.parse(res.body).node.id).toBe(ids.C1);
    const missing = await request(h.app).get(`/api/v1/nodes/CONSULTANT/${A}-nobody`).expect(404);
    expect(errorOf(missing.body).code).toBe('NOT_FOUND');
    const label = await request(h.app).get(`/api/v1/nodes/PERSON/${ids.C1}`).expect(400);
    expect(errorOf(label.body).details?.[0]?.field).toBe('label');
  });

  it('GET /api/v1/nodes/{label}/{id}/neighbours pages with a total', async () => {
    const res = await request(h.app)
      .get(`/api/v1/nodes/COMPANY/${ids.CO1}/neighbours?limit=1`)
      .expect(200);
    const page = NeighboursResponse.parse(res.body);
    expect(page.relationships).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(page.has_more).toBe(true);
    const typed = await request(h.app)
      .get(`/api/v1/nodes/COMPANY/${ids.CO1}/neighbours?types=OWNS,COVERS`)
      .expect(200);
    const types = NeighboursResponse.parse(typed.body).relationships.map((r) => r.type);
    expect(new Set(types)).toEqual(new Set(['OWNS', 'COVERS']));
    await request(h.app).get(`/api/v1/nodes/COMPANY/${ids.CO1}/neighbours?types=LIKES`).expect(400);
    await request(h.app).get(`/api/v1/nodes/COMPANY/${A}-none/neighbours`).expect(404);
  });

  it('GET /api/v1/search finds a node by id and refuses an empty query', async () => {
    const res = await request(h.app)
      .get(`/api/v1/search?q=${encodeURIComponent(ids.CO1)}&regions=${A}`)
      .expect(200);
    expect(SearchResponse.parse(res.body).results.map((r) => r.node.id)).toContain(ids.CO1);
    const empty = await request(h.app).get('/api/v1/search?q=').expect(400);
    expect(errorOf(empty.body).details?.[0]?.field).toBe('q');
  });
});
