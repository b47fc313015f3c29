/**
 * An empty or blank list never widens to "everything": over HTTP (query strings and JSON
 * bodies) and over IPC, each is refused with 400 naming the field, and the database is left as
 * it was. (The renderer's HTTP client: http-client.test.ts; the CLI: cli.test.ts.)
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { countAll, countRegions, openHarness, type Harness } from './harness';
import { ipcClient } from './ipc';

let h: Harness;
let A = '';
let before: { nodes: number; relationships: number };

beforeAll(async () => {
  h = await openHarness();
  [A = ''] = h.regions;
  await createFilterGraph(h.driver, testDatabase().database, A, h.regions[1] ?? '');
  before = await countRegions(h.driver, h.regions);
  expect(before.nodes).toBeGreaterThan(0);
});
afterAll(async () => {
  await h.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

/** Nothing of this test's data went, and nothing else did either. */
async function expectUnchanged(all: { nodes: number; relationships: number }): Promise<void> {
  expect(await countRegions(h.driver, h.regions)).toEqual(before);
  expect(await countAll(h.driver)).toEqual(all);
}

describe('clear with an empty region list', () => {
  it.each(['regions=', 'regions=,', 'regions=%20,', 'regions=%20', 'regions=&regions='])(
    'DELETE /api/v1/graph/clear?confirm=true&%s is refused, naming regions',
    async (query) => {
      const all = await countAll(h.driver);
      const res = await request(h.app).delete(`/api/v1/graph/clear?confirm=true&${query}`);
      expect(res.status).toBe(400);
      expect(errorOf(res.body)).toMatchObject({ code: 'VALIDATION_ERROR' });
      expect(errorOf(res.body).details?.map((d) => d.field)).toEqual(['regions']);
      await expectUnchanged(all);
    },
  );

  it('is refused over IPC', async () => {
    const all = await countAll(h.driver);
    const { call, dispose } = ipcClient(h.backend);
    try {
      await expect(call('clearGraph', { confirm: true, regions: [] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [expect.objectContaining({ field: 'regions' })],
      });
    } finally {
      dispose();
    }
    await expectUnchanged(all);
  });
});

describe('empty lists in other requests', () => {
  it.each([
    ['/api/v1/graph/filter', { regions: [] }, 'regions'],
    ['/api/v1/graph/filter', { node_types: [] }, 'node_types'],
    ['/api/v1/graph/filter', { mode: 'standard', ratings: [] }, 'ratings'],
    ['/api/v1/graph/filter', { consultant_ids: [] }, 'consultant_ids'],
    ['/api/v1/filters/options', { regions: [] }, 'regions'],
    ['/api/v1/graph/generate', { regions: [] }, 'regions'],
  ])('POST %s %j is refused, naming the field', async (path, body, field) => {
    const all = await countAll(h.driver);
    const res = await request(h.app).post(path).send(body);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details?.map((d) => d.field)).toEqual([field]);
    await expectUnchanged(all);
  });

  it.each([
    ['/api/v1/search?q=Alice&regions=', 'regions'],
    ['/api/v1/search?q=Alice&labels=,', 'labels'],
    [`/api/v1/nodes/CONSULTANT/${'X'}/neighbours?types=`, 'types'],
  ])('GET %s is refused, naming the field', async (path, field) => {
    const res = await request(h.app).get(path);
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details?.map((d) => d.field)).toEqual([field]);
  });

  it('over IPC too', async () => {
    const { call, dispose } = ipcClient(h.backend);
    try {
      await expect(call('filterGraph', { regions: [] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('search', { q: 'Alice', labels: [] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('startGeneration', { regions: [] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
    } finally {
      dispose();
    }
  });
});
