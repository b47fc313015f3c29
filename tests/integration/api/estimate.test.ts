/**
 * POST /api/v1/graph/estimate over HTTP on generated data: for the region graph and for filters
 * (alone and combined, both modes), the estimate is exactly what the view then returns; over
 * the cap it is the view's uncapped total.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphEstimate, GraphResponse, type FilterInput } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
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

const LIMIT = 100_000;

async function estimate(body: object): Promise<GraphEstimate> {
  const res = await request(h.app).post('/api/v1/graph/estimate').send(body).expect(200);
  return GraphEstimate.parse(res.body);
}

describe('POST /api/v1/graph/estimate', () => {
  it.each(['standard', 'recommendations'] as const)(
    'counts exactly what the region graph returns (%s)',
    async (mode) => {
      const res = await request(h.app)
        .get(`/api/v1/graph/region/${A}?mode=${mode}&limit=${LIMIT}`)
        .expect(200);
      const graph = GraphResponse.parse(res.body);
      const counted = await estimate({ view: 'region', region: A, mode });
      expect(graph.nodes.length).toBeGreaterThan(0);
      expect(counted).toEqual({
        nodes: graph.nodes.length,
        relationships: graph.relationships.length,
      });
    },
  );

  const filters: [string, () => FilterInput][] = [
    ['one region', () => ({ regions: [A] })],
    ['two regions', () => ({ regions: [A, B] })],
    ['node types', () => ({ regions: [A], node_types: ['COMPANY', 'PRODUCT'] })],
    ['consultants alone', () => ({ regions: [A], node_types: ['CONSULTANT'] })],
    ['at-risk mandates', () => ({ regions: [A, B], mandate_statuses: ['At Risk'] })],
    [
      'influence 4 and types',
      () => ({ regions: [A], influence_levels: [4], node_types: ['CONSULTANT', 'COMPANY'] }),
    ],
    ['positive ratings', () => ({ regions: [A], ratings: ['Positive'] })],
    [
      'ratings and statuses',
      () => ({ regions: [A, B], ratings: ['Positive', 'Neutral'], mandate_statuses: ['Active'] }),
    ],
    ['aum range', () => ({ regions: [A], aum_min: 1_000_000 })],
    ['recommendations', () => ({ regions: [A], mode: 'recommendations' })],
    [
      'recommendations, growth',
      () => ({
        regions: [A, B],
        mode: 'recommendations',
        opportunity_types: ['Growth'],
        node_types: ['COMPANY', 'PRODUCT'],
      }),
    ],
  ];

  it.each(filters)('counts exactly what the filter returns (%s)', async (_name, make) => {
    const filter = make();
    const res = await request(h.app)
      .post('/api/v1/graph/filter')
      .send({ ...filter, limit: LIMIT })
      .expect(200);
    const graph = GraphResponse.parse(res.body);
    expect(graph.truncated).toBe(false);
    const counted = await estimate({ view: 'filter', filter });
    expect(counted).toEqual({
      nodes: graph.nodes.length,
      relationships: graph.relationships.length,
    });
  });

  it("is the view's uncapped total when the view is capped", async () => {
    const whole = await estimate({ view: 'filter', filter: { regions: [A] } });
    const res = await request(h.app)
      .post('/api/v1/graph/filter')
      .send({ regions: [A], limit: 10 })
      .expect(200);
    const graph = GraphResponse.parse(res.body);
    expect(graph.truncated).toBe(true);
    expect(graph.nodes).toHaveLength(10);
    expect(graph.totals?.nodes).toBe(whole.nodes);
    const region = await estimate({ view: 'region', region: A });
    const capped = GraphResponse.parse(
      (await request(h.app).get(`/api/v1/graph/region/${A}?limit=10`).expect(200)).body,
    );
    expect(capped.totals).toEqual(region);
  });

  it('names the field of a bad request', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/estimate')
      .send({ view: 'filter', filter: { regions: [A], ratings: ['Great'] } })
      .expect(400);
    const error = ErrorBody.parse(res.body).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details?.[0]?.field).toBe('filter.ratings.0');
    const unknown = await request(h.app)
      .post('/api/v1/graph/estimate')
      .send({ view: 'region', region: 'ZZZ9' })
      .expect((r) => expect([400, 404]).toContain(r.status));
    expect(ErrorBody.parse(unknown.body).error.details?.[0]?.field).toBe('region');
  });
});
