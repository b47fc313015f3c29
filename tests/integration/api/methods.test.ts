/**
 * Methods and job states over HTTP against the real database: a known path with a method it
 * does not offer is 405 with `Allow`; cancelling a job that has finished is 409 CONFLICT.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationJob } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { countRegions, openHarness, type Harness } from './harness';
import { ipcClient } from './ipc';

let h: Harness;
let A = '';

beforeAll(async () => {
  h = await openHarness({}, { regions: 1 });
  [A = ''] = h.regions;
});
afterAll(async () => {
  await h.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('methods', () => {
  it.each([
    ['put', '/api/v1/graph/stats', 'GET, HEAD, OPTIONS'],
    ['post', '/health', 'GET, HEAD, OPTIONS'],
    ['get', '/api/v1/graph/clear', 'DELETE, OPTIONS'],
    ['get', '/api/v1/graph/filter', 'POST, OPTIONS'],
    ['delete', '/api/v1/filters/options', 'GET, POST, HEAD, OPTIONS'],
    ['patch', '/api/v1/graph/generate/jobs/some-id', 'GET, DELETE, HEAD, OPTIONS'],
    ['post', '/api/v1/graph/generate/jobs/some-id/events', 'GET, HEAD, OPTIONS'],
    ['delete', '/metrics', 'GET, HEAD, OPTIONS'],
  ] as const)('%s %s → 405 with Allow: %s', async (method, path, allow) => {
    const res = await request(h.app)[method](path);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(errorOf(res.body)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(errorOf(res.body).request_id).toBe(res.headers['x-request-id']);
  });

  it('OPTIONS lists the methods; an unknown path is still 404', async () => {
    const options = await request(h.app).options('/api/v1/graph/stats');
    expect(options.status).toBeLessThan(300);
    expect(options.headers.allow).toMatch(/^GET, HEAD/);
    const missing = await request(h.app).put('/api/v1/graph/nothing-here').expect(404);
    expect(errorOf(missing.body).code).toBe('NOT_FOUND');
  });
});

describe('cancelling a job', () => {
  it('that has finished is 409 CONFLICT, over HTTP and IPC, and changes nothing', async () => {
    const finished = GenerationJob.parse(
      (
        await request(h.app)
          .post('/api/v1/graph/generate')
          .send({ regions: [A], consultants_per_region: 1, seed: 3 })
          .expect(200)
      ).body,
    );
    expect(finished.status).toBe('succeeded');
    const written = await countRegions(h.driver, [A]);
    const res = await request(h.app).delete(`/api/v1/graph/generate/jobs/${finished.id}`);
    expect(res.status).toBe(409);
    expect(errorOf(res.body).code).toBe('CONFLICT');
    expect(errorOf(res.body).message).toMatch(/already succeeded/);
    const { call, dispose } = ipcClient(h.backend);
    try {
      await expect(call('cancelGeneration', { id: finished.id })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    } finally {
      dispose();
    }
    const job = GenerationJob.parse(
      (await request(h.app).get(`/api/v1/graph/generate/jobs/${finished.id}`).expect(200)).body,
    );
    expect(job.status).toBe('succeeded');
    expect(await countRegions(h.driver, [A])).toEqual(written);
  });
});
