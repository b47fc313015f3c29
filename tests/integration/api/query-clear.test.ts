/** Custom Cypher and clearing over HTTP: reads work, writes are refused, clearing needs confirm. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClearResult, QueryResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { countAll, countRegions, openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness({ QUERY_TIMEOUT_MS: '1000' });
  [A = '', B = ''] = h.regions;
  await createFilterGraph(h.driver, testDatabase().database, A, B);
});
afterAll(async () => {
  await h.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('POST /api/v1/graph/query', () => {
  it('runs a parameterised read and returns rows and a graph', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/query')
      .send({
        query: 'MATCH (c:CONSULTANT {region: $region}) RETURN c ORDER BY c.id',
        parameters: { region: A },
      })
      .expect(200);
    const result = QueryResponse.parse(res.body);
    expect(result.columns).toEqual(['c']);
    expect(result.rows).toHaveLength(2);
    expect(result.graph?.nodes.map((n) => n.region)).toEqual([A, A]);
  });

  it.each([
    `CREATE (:CONSULTANT {id: 'x', region: 'ZZ'})`,
    `MERGE (n:COMPANY {id: 'x'})`,
    `MATCH (n:CONSULTANT) SET n.name = 'x'`,
    `MATCH (n:PRODUCT) DETACH DELETE n`,
    `MATCH (n:CONSULTANT) REMOVE n.name`,
    `CREATE INDEX nope IF NOT EXISTS FOR (n:CONSULTANT) ON (n.email)`,
  ])('refuses the write %s with counts unchanged', async (query) => {
    const before = await countAll(h.driver);
    const res = await request(h.app).post('/api/v1/graph/query').send({ query });
    expect([403, 422]).toContain(res.status);
    expect(['WRITE_NOT_ALLOWED', 'UNPROCESSABLE']).toContain(errorOf(res.body).code);
    expect(await countAll(h.driver)).toEqual(before);
  });

  it('stops a query over the time limit and says so (504)', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/query')
      .send({
        query: 'UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 123 RETURN count(*)',
        timeout_ms: 200,
      })
      .expect(504);
    expect(errorOf(res.body).code).toBe('QUERY_TIMEOUT');
  });

  it('reports a Cypher syntax error as 422 without driver text', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/query')
      .send({ query: 'MATCH (n RETURN n' });
    expect(res.status).toBe(422);
    expect(errorOf(res.body).code).toBe('UNPROCESSABLE');
    expect(JSON.stringify(res.body)).not.toMatch(/Neo\.ClientError|at .*\.js:\d+/);
  });

  it('names missing and malformed fields', async () => {
    const missing = await request(h.app).post('/api/v1/graph/query').send({}).expect(400);
    expect(errorOf(missing.body).details?.[0]?.field).toBe('query');
    const malformed = await request(h.app)
      .post('/api/v1/graph/query')
      .set('Content-Type', 'application/json')
      .send('{"query": ')
      .expect(400);
    expect(errorOf(malformed.body)).toMatchObject({ code: 'VALIDATION_ERROR' });
  });
});

describe('DELETE /api/v1/graph/clear', () => {
  it('refuses without confirm=true and deletes nothing', async () => {
    const before = await countAll(h.driver);
    const res = await request(h.app).delete(`/api/v1/graph/clear?regions=${A}`).expect(400);
    expect(errorOf(res.body).details?.[0]?.field).toBe('confirm');
    await request(h.app).delete(`/api/v1/graph/clear?confirm=false&regions=${A}`).expect(400);
    expect(await countAll(h.driver)).toEqual(before);
  });

  it('deletes only the named regions and reports what went', async () => {
    const a = await countRegions(h.driver, [A]);
    const b = await countRegions(h.driver, [B]);
    const stats = await request(h.app).get('/api/v1/graph/stats').expect(200);
    expect(JSON.stringify(stats.body)).toContain(A);
    const res = await request(h.app)
      .delete(`/api/v1/graph/clear?confirm=true&regions=${A}`)
      .expect(200);
    const result = ClearResult.parse(res.body);
    expect(result.deleted_nodes).toBe(a.nodes);
    expect(result.regions).toEqual([A]);
    expect(await countRegions(h.driver, [A])).toEqual({ nodes: 0, relationships: 0 });
    expect((await countRegions(h.driver, [B])).nodes).toBe(b.nodes);
    // The cached statistics were dropped with the data.
    const after = await request(h.app).get('/api/v1/graph/stats').expect(200);
    expect(JSON.stringify(after.body)).not.toContain(`"region":"${A}"`);
  });
});
