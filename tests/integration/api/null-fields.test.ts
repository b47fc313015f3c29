/**
 * An explicit null for an optional body field means "not given", as clients written for the
 * original FastAPI service send it (Pydantic's Optional); unknown keys are still refused by name.
 * Over HTTP against the real database.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FilterOptions,
  GenerationJob,
  GraphResponse,
  QueryResponse,
} from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { countRegions, openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness();
  [A = '', B = ''] = h.regions;
  await createFilterGraph(h.driver, testDatabase().database, A, B);
});
afterAll(async () => {
  await h.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('explicit nulls', () => {
  it('POST /graph/filter: null fields behave as absent ones', async () => {
    const plain = GraphResponse.parse(
      (
        await request(h.app)
          .post('/api/v1/graph/filter')
          .send({ regions: [A] })
          .expect(200)
      ).body,
    );
    const nulls = GraphResponse.parse(
      (
        await request(h.app)
          .post('/api/v1/graph/filter')
          .send({ regions: [A], ratings: null, limit: null, mode: null, consultant_ids: null })
          .expect(200)
      ).body,
    );
    expect(nulls.nodes.map((n) => n.key).sort()).toEqual(plain.nodes.map((n) => n.key).sort());
    expect(nulls.mode).toBe('standard');
    expect(nulls.nodes.length).toBeGreaterThan(0);
  });

  it('POST /filters/options: null fields behave as absent ones', async () => {
    const plain = FilterOptions.parse(
      (
        await request(h.app)
          .post('/api/v1/filters/options')
          .send({ regions: [A] })
          .expect(200)
      ).body,
    );
    const nulls = FilterOptions.parse(
      (
        await request(h.app)
          .post('/api/v1/filters/options')
          .send({ regions: [A], channels: null, fc_total_plan_assets_min: null })
          .expect(200)
      ).body,
    );
    expect(nulls).toEqual(plain);
  });

  it('POST /graph/query: null parameters, limit, timeout and read_only take the defaults', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/query')
      .send({
        query: 'MATCH (c:CONSULTANT {region: $r}) RETURN c.id AS id ORDER BY id',
        parameters: { r: A },
        limit: null,
        timeout_ms: null,
        read_only: null,
      })
      .expect(200);
    expect(QueryResponse.parse(res.body).rows.length).toBe(2);
    const noParameters = await request(h.app)
      .post('/api/v1/graph/query')
      .send({ query: 'RETURN 1 AS n', parameters: null })
      .expect(200);
    expect(QueryResponse.parse(noParameters.body).rows).toEqual([{ n: 1 }]);
  });

  it('POST /graph/generate: null fields take the defaults (every configured region)', async () => {
    const before = await countRegions(h.driver, h.regions);
    const res = await request(h.app)
      .post('/api/v1/graph/generate')
      .send({ regions: null, consultants_per_region: 1, seed: null, batch_size: null, mode: null })
      .expect(200);
    const job = GenerationJob.parse(res.body);
    expect(job.result?.regions).toEqual(h.regions);
    expect(job.request.mode).toBe('append');
    const after = await countRegions(h.driver, h.regions);
    expect(after.nodes - before.nodes).toBe(job.result?.total_nodes);
  });

  it('unknown keys are still refused, naming the key, even when null', async () => {
    for (const [path, body] of [
      ['/api/v1/graph/filter', { region: null }],
      ['/api/v1/graph/generate', { consultants: null }],
      ['/api/v1/graph/query', { query: 'RETURN 1', params: null }],
    ] as const) {
      const res = await request(h.app).post(path).send(body);
      expect(res.status).toBe(400);
      const key = Object.keys(body).find((k) => k !== 'query');
      expect(errorOf(res.body).details).toEqual([{ field: key, message: 'unknown field' }]);
    }
  });

  it('a required field is still required when null', async () => {
    const res = await request(h.app).post('/api/v1/graph/query').send({ query: null });
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details?.[0]?.field).toBe('query');
  });
});
