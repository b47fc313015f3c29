/** With the database unreachable, every data endpoint answers 503 with Retry-After. */
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { freePort } from '../../../src/main/db/managed/server';
import { testSettings } from '../../support/db';
import { harness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  const port = await freePort();
  const settings = testSettings({ uri: `bolt://127.0.0.1:${port}`, connectTimeout: 2_000 });
  // Managed transactions retry for 30 s by default; the answer is the same after one second.
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic('neo4j', 'x'), {
    maxTransactionRetryTime: 1_000,
    connectionTimeout: 1_000,
  });
  h = harness(
    {},
    {
      database: {
        driver,
        settings,
        info: { address: settings.uri, version: '', edition: '', latencyMs: 0 },
        close: () => driver.close(),
      },
    },
  );
});
afterAll(async () => {
  await h.close();
});

describe('database down', () => {
  it('/health answers 503 with the database unreachable', async () => {
    const res = await request(h.app).get('/health').expect(503);
    expect(res.headers['retry-after']).toBe('5');
    const health = HealthResponse.parse(res.body);
    expect(health.status).toBe('unavailable');
    expect(health.database.reachable).toBe(false);
  });

  it.each([
    ['get', `/api/v1/graph/stats`],
    ['get', `/api/v1/filters/options`],
    ['post', `/api/v1/graph/filter`],
    ['post', `/api/v1/graph/query`],
  ] as const)('%s %s answers 503 with Retry-After and no driver text', async (method, path) => {
    const body = path.endsWith('query') ? { query: 'RETURN 1' } : {};
    const res =
      method === 'get'
        ? await request(h.app).get(path)
        : await request(h.app).post(path).send(body);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    const error = ErrorBody.parse(res.body).error;
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.request_id).toBe(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/ServiceUnavailable|ECONNREFUSED|stack/);
  });
});
