/** Generation over HTTP: the seed's curl body, async jobs, progress events, cancel, bounds. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerationJob } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { startApiServer, type ApiServer } from '../../../src/main/api/server';
import { removeRegions, testDatabase } from '../../support/db';
import { countAll, countRegions, openHarness, type Harness } from './harness';
import { readEvents } from './sse';

let h: Harness;
let server: ApiServer;
let A = '';
// The seed's example generates into NAI: verbatim on the run's own database, else a test region.
const seedRegion = (): string => (testDatabase().disposable ? 'NAI' : A);

beforeAll(async () => {
  h = await openHarness({ MAX_CONSULTANTS_PER_REGION: '50' });
  [A = ''] = h.regions;
  if (seedRegion() === 'NAI') {
    h.backend.config.REGIONS.push('NAI');
    await removeRegions(h.driver, ['NAI']);
  }
  server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server.close();
  await removeRegions(h.driver, ['NAI']);
  await h.close();
});

const job = (body: unknown) => GenerationJob.parse(body);

describe('POST /api/v1/graph/generate', () => {
  it("runs the seed README's body verbatim and answers with the finished job's counts", async () => {
    const body = `{
    "regions": ["${seedRegion()}"],
    "consultants_per_region": 5,
    "field_consultants_per_consultant": 2,
    "companies_per_field_consultant": 3,
    "products_per_company": 2
  }`;
    const res = await request(h.app)
      .post('/api/v1/graph/generate')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(200);
    const finished = job(res.body);
    expect(finished.status).toBe('succeeded');
    expect(finished.result?.nodes_by_label.CONSULTANT).toBe(5);
    expect(finished.result?.nodes_by_label.FIELD_CONSULTANT).toBe(10);
    const counted = await countRegions(h.driver, [seedRegion()]);
    expect(counted.nodes).toBe(finished.result?.total_nodes);
    expect(res.headers.location).toBe(`/api/v1/graph/generate/jobs/${finished.id}`);
    await request(h.app)
      .get(res.headers.location ?? '')
      .expect(200);
  });

  it('refuses a request over a bound before writing anything', async () => {
    const before = await countAll(h.driver);
    const res = await request(h.app)
      .post('/api/v1/graph/generate')
      .send({ regions: [A], consultants_per_region: 51 })
      .expect(422);
    const error = ErrorBody.parse(res.body).error;
    expect(error.code).toBe('BOUND_EXCEEDED');
    expect(error.details?.[0]).toMatchObject({ field: 'consultants_per_region', bound: 50 });
    expect(await countAll(h.driver)).toEqual(before);
  });

  it('names invalid fields', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/generate')
      .send({ regions: [A], products_per_company: 'two' })
      .expect(400);
    expect(ErrorBody.parse(res.body).error.details?.[0]?.field).toBe('products_per_company');
    await request(h.app).post('/api/v1/graph/generate?async=maybe').send({}).expect(400);
  });
});

describe('generation jobs', () => {
  it('starts with async=true (202 + Location) and streams progress and completion', async () => {
    const started = await request(h.app)
      .post('/api/v1/graph/generate?async=true')
      .send({ regions: [A], consultants_per_region: 20, seed: 7 })
      .expect(202);
    const running = job(started.body);
    expect(running.status).toBe('running');
    expect(started.headers.location).toBe(`/api/v1/graph/generate/jobs/${running.id}`);

    const conflict = await request(h.app)
      .post('/api/v1/graph/generate?async=true')
      .send({ regions: [A] })
      .expect(409);
    expect(ErrorBody.parse(conflict.body).error.code).toBe('CONFLICT');

    const stream = await readEvents(`${server.url}${started.headers.location}/events`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const jobs = stream.events.map((e) => job(JSON.parse(e.data)));
    expect(stream.events.every((e) => e.event === 'job')).toBe(true);
    expect(jobs.length).toBeGreaterThan(1);
    expect(jobs.some((j) => j.status === 'running' && j.progress !== null)).toBe(true);
    expect(jobs.at(-1)?.status).toBe('succeeded');

    const resource = await request(h.app)
      .get(started.headers.location ?? '')
      .expect(200);
    expect(job(resource.body).result?.nodes_by_label.CONSULTANT).toBe(20);
    // The events of a finished job: one snapshot, then the stream ends.
    const again = await readEvents(`${server.url}${started.headers.location}/events`);
    expect(again.events.map((e) => job(JSON.parse(e.data)).status)).toEqual(['succeeded']);
  });

  it('cancels a running job and removes its partial writes', async () => {
    const B = `${A}X`.slice(0, 15);
    h.backend.config.REGIONS.push(B);
    const before = await countRegions(h.driver, [B]);
    const started = await request(h.app)
      .post('/api/v1/graph/generate?async=true')
      .send({ regions: [B], consultants_per_region: 50, batch_size: 50 })
      .expect(202);
    const id = job(started.body).id;
    await request(h.app).delete(`/api/v1/graph/generate/jobs/${id}`).expect(200);
    const finished = job((await request(h.app).get(`/api/v1/graph/generate/jobs/${id}`)).body);
    const final = finished.status === 'running' ? await h.backend.generation.wait(id) : finished;
    expect(final.status).toBe('cancelled');
    expect(final.rolled_back).toBe(true);
    expect(await countRegions(h.driver, [B])).toEqual(before);
    await removeRegions(h.driver, [B]);
  });

  it('answers 404 for an unknown job, on the resource, its events and cancel', async () => {
    await request(h.app).get('/api/v1/graph/generate/jobs/nope').expect(404);
    await request(h.app).get('/api/v1/graph/generate/jobs/nope/events').expect(404);
    await request(h.app).delete('/api/v1/graph/generate/jobs/nope').expect(404);
  });
});
