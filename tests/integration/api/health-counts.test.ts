/** `/health` counts the network as statistics do: generation records are metadata, left out. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse, StatsResponse } from '../../../src/shared/api';
import { openHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h.close();
});

async function generationRecords(): Promise<number> {
  const { records } = await h.driver.executeQuery('MATCH (g:SN_GENERATION) RETURN count(g) AS n');
  return Number(records[0]?.get('n'));
}

describe('GET /health counts', () => {
  it('equal the statistics totals, with generation records in the database', async () => {
    await request(h.app)
      .post('/api/v1/graph/generate')
      .send({ regions: h.regions, consultants_per_region: 1 })
      .expect(200);
    expect(await generationRecords()).toBeGreaterThan(0);

    const health = HealthResponse.parse((await request(h.app).get('/health').expect(200)).body);
    const stats = StatsResponse.parse(
      (await request(h.app).get('/api/v1/graph/stats').expect(200)).body,
    );
    expect(health.counts).toEqual({
      nodes: stats.total_nodes,
      relationships: stats.total_relationships,
    });
    expect(stats.total_nodes).toBeGreaterThan(0);
  });
});
