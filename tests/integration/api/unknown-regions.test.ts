/**
 * A region that is not configured (REGIONS) is a 4xx everywhere, naming the field: 400
 * VALIDATION_ERROR in a body or a query string, 404 NOT_FOUND in a path. Nothing is written.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { countAll, countRegions, openHarness, type Harness } from './harness';
import { ipcClient } from './ipc';

let h: Harness;
let before: { nodes: number; relationships: number };

beforeAll(async () => {
  h = await openHarness();
  const [A = '', B = ''] = h.regions;
  await createFilterGraph(h.driver, testDatabase().database, A, B);
  before = await countRegions(h.driver, h.regions);
});
afterAll(async () => {
  await h.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('an unconfigured region', () => {
  it.each([
    ['/api/v1/graph/filter', { regions: ['MARS'] }],
    ['/api/v1/graph/filter', { regions: ['MARS'], ratings: ['Positive'] }],
    ['/api/v1/filters/options', { regions: ['MARS'] }],
    ['/api/v1/graph/generate', { regions: ['MARS'], consultants_per_region: 1 }],
  ])('POST %s %j → 400 naming regions, nothing written', async (path, body) => {
    const all = await countAll(h.driver);
    const res = await request(h.app).post(path).send(body);
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details?.map((d) => d.field)).toEqual(['regions']);
    expect(error.message).toContain('MARS');
    expect(await countAll(h.driver)).toEqual(all);
  });

  it('a configured region next to it does not make it pass', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/filter')
      .send({ regions: [h.regions[0], 'MARS'] });
    expect(res.status).toBe(400);
    const details = errorOf(res.body).details ?? [];
    expect(details.map((d) => d.field)).toEqual(['regions']);
    expect(details[0]?.message).toMatch(/^MARS is not a configured region/);
  });

  it.each([
    ['/api/v1/search?q=Alice&regions=MARS', 'regions'],
    ['/api/v1/filters/options?region=MARS', 'region'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const res = await request(h.app).get(path);
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(errorOf(res.body).details?.map((d) => d.field)).toEqual([field]);
  });

  it('DELETE /api/v1/graph/clear?confirm=true&regions=MARS → 400, nothing deleted', async () => {
    const all = await countAll(h.driver);
    const res = await request(h.app).delete(
      `/api/v1/graph/clear?confirm=true&regions=${h.regions[0]},MARS`,
    );
    expect(res.status).toBe(400);
    expect(errorOf(res.body).details?.map((d) => d.field)).toEqual(['regions']);
    expect(await countRegions(h.driver, h.regions)).toEqual(before);
    expect(await countAll(h.driver)).toEqual(all);
  });

  it.each(['/api/v1/graph/region/MARS', '/api/v1/filters/options/MARS'])(
    'GET %s → 404 naming region (a path names a resource)',
    async (path) => {
      const res = await request(h.app).get(path);
      expect(res.status).toBe(404);
      expect(errorOf(res.body)).toMatchObject({ code: 'NOT_FOUND' });
      expect(errorOf(res.body).details?.map((d) => d.field)).toEqual(['region']);
    },
  );

  it('gives the same codes over IPC', async () => {
    const { call, dispose } = ipcClient(h.backend);
    try {
      await expect(call('filterGraph', { regions: ['MARS'] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('getCascadingFilterOptions', { regions: ['MARS'] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('search', { q: 'Alice', regions: ['MARS'] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('clearGraph', { confirm: true, regions: ['MARS'] })).rejects.toMatchObject({
        code: 'VALIDATION_ERROR',
      });
      await expect(call('getRegionFilterOptions', { region: 'MARS' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(call('getRegionGraph', { region: 'MARS' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      dispose();
    }
    expect(await countRegions(h.driver, h.regions)).toEqual(before);
  });
});
