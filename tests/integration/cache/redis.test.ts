/**
 * The Redis read cache against a real redis-server, with two API instances (two backends with the
 * same REDIS_URL) over the test database: reads are stored in and served from Redis, a write
 * through either instance drops the entries of both, and a Redis outage leaves reads working.
 */
import { Redis } from 'ioredis';
import pino from 'pino';
import request from 'supertest';
import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp } from '../../../src/main/api/app';
import { assembleBackend, type Backend } from '../../../src/main/backend';
import { parseConfig } from '../../../src/main/config/env';
import { FilterOptions, GraphResponse, StatsResponse } from '../../../src/shared/api';
import { removeRegions, testDriver, testRegions, testSettings } from '../../support/db';
import { openDatabase } from '../api/harness';
import { setupSchema } from '../../../src/main/db/schema';
import { startRedisServer, type RedisServer } from '../../../scripts/lib/redis-server';

const PREFIX = 'smart-network:cache:';
const MARK = 987_654_321;

let redis: RedisServer;
let inspect: Redis;
let A: Express;
let B: Express;
const backends: Backend[] = [];
const [R = ''] = testRegions(1);
const driver = testDriver();

function instance(redisUrl: string): Express {
  const config = parseConfig({
    REGIONS: R,
    ENVIRONMENT: 'test',
    REDIS_URL: redisUrl,
    ALLOW_WRITE_QUERIES: 'true',
  });
  const backend = assembleBackend({
    db: openDatabase(testSettings()),
    config,
    logger: pino({ level: 'silent' }),
  });
  backends.push(backend);
  expect(backend.cache.kind).toBe('redis');
  return createApiApp(backend);
}

const cacheKeys = async (): Promise<string[]> =>
  (await inspect.keys(`${PREFIX}*`))
    .filter((key) => key !== `${PREFIX}version` && key !== `${PREFIX}recent-bookmarks`)
    .sort();

const version = async (): Promise<number> => Number((await inspect.get(`${PREFIX}version`)) ?? 0);

/** Rewrites the stored statistics so that a response served from Redis is recognisable. */
async function markCachedStats(): Promise<void> {
  // Entries of earlier versions stay until their TTL: the current one is under the version key.
  const key = `${PREFIX}${await version()}:getStats:{}`;
  // An entry is the output and the bookmarks its read waited for.
  const entry = JSON.parse((await inspect.get(key)) ?? 'null') as {
    seen: string[];
    output: unknown;
  };
  const stored = StatsResponse.parse(entry.output);
  const marked = { ...entry, output: { ...stored, total_nodes: MARK } };
  await inspect.set(key, JSON.stringify(marked), 'PX', 60_000);
}

const statsOf = async (app: Express): Promise<StatsResponse> =>
  StatsResponse.parse((await request(app).get('/api/v1/graph/stats').expect(200)).body);

/** Both instances serve the marked entry, i.e. from Redis. */
async function cacheMarkedStats(): Promise<void> {
  await statsOf(A);
  await markCachedStats();
  expect((await statsOf(A)).total_nodes).toBe(MARK);
  expect((await statsOf(B)).total_nodes).toBe(MARK);
}

beforeAll(async () => {
  redis = await startRedisServer();
  inspect = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  // The outage below is deliberate; commands of this client during it are not made.
  inspect.on('error', () => undefined);
  await setupSchema(driver, testSettings().database);
  A = instance(redis.url);
  B = instance(redis.url);
  await request(A)
    .post('/api/v1/graph/generate')
    .send({ regions: [R], consultants_per_region: 3, seed: 7 })
    .expect(200);
});

afterAll(async () => {
  for (const backend of backends) await backend.close();
  inspect.disconnect();
  await redis.stop();
  await removeRegions(driver, [R]);
  await driver.close();
});

describe('Redis read cache', () => {
  it('stores stats, options and region graphs in Redis and serves them from there', async () => {
    await inspect.flushall();
    const region = GraphResponse.parse(
      (await request(A).get(`/api/v1/graph/region/${R}`).expect(200)).body,
    );
    expect(region.nodes.length).toBeGreaterThan(0);
    const options = FilterOptions.parse(
      (await request(A).get(`/api/v1/filters/options/${R}`).expect(200)).body,
    );
    expect(options.consultants).toHaveLength(3);
    const stats = await statsOf(A);
    expect(stats.total_nodes).toBeGreaterThanOrEqual(region.nodes.length);
    const keys = await cacheKeys();
    expect(keys.some((k) => k.includes(`:getRegionGraph:`) && k.includes(R))).toBe(true);
    expect(keys.some((k) => k.includes(`:getRegionFilterOptions:`) && k.includes(R))).toBe(true);
    expect(keys.some((k) => k.endsWith(':getStats:{}'))).toBe(true);
    // Entries expire by themselves (60 s TTL).
    for (const key of keys) expect(await inspect.pttl(key)).toBeGreaterThan(0);

    // A second call, on either instance, answers with what Redis holds.
    await markCachedStats();
    expect((await statsOf(A)).total_nodes).toBe(MARK);
    expect((await statsOf(B)).total_nodes).toBe(MARK);
    const again = await request(B).get(`/api/v1/graph/region/${R}`).expect(200);
    expect(GraphResponse.parse(again.body)).toEqual(region);
  });

  it('drops both instances’ entries when one of them generates', async () => {
    await cacheMarkedStats();
    const before = await version();
    await request(B)
      .post('/api/v1/graph/generate')
      .send({ regions: [R], consultants_per_region: 2, seed: 8 })
      .expect(200);
    expect(await version()).toBeGreaterThan(before);
    const fresh = await statsOf(A);
    expect(fresh.total_nodes).not.toBe(MARK);
    const options = FilterOptions.parse(
      (await request(A).get(`/api/v1/filters/options/${R}`).expect(200)).body,
    );
    expect(options.consultants).toHaveLength(5);
  });

  it('drops both instances’ entries when one of them runs a write query', async () => {
    await cacheMarkedStats();
    await request(A)
      .post('/api/v1/graph/query')
      .send({
        query: 'CREATE (:CONSULTANT {id: $id, name: $id, region: $region})',
        parameters: { id: `${R}-written`, region: R },
        read_only: false,
      })
      .expect(200);
    expect((await statsOf(B)).total_nodes).not.toBe(MARK);
    const options = FilterOptions.parse(
      (await request(B).get(`/api/v1/filters/options/${R}`).expect(200)).body,
    );
    expect(options.consultants.map((c) => c.id)).toContain(`${R}-written`);
  });

  it('drops both instances’ entries when one of them clears', async () => {
    await cacheMarkedStats();
    await request(A).get(`/api/v1/graph/region/${R}`).expect(200);
    await request(B).delete(`/api/v1/graph/clear?confirm=true&regions=${R}`).expect(200);
    expect((await statsOf(A)).total_nodes).not.toBe(MARK);
    const region = GraphResponse.parse(
      (await request(A).get(`/api/v1/graph/region/${R}`).expect(200)).body,
    );
    expect(region.nodes).toEqual([]);
  });

  it('answers from the database while Redis is down, and caches again once it is back', async () => {
    await request(A)
      .post('/api/v1/graph/generate')
      .send({ regions: [R], consultants_per_region: 2, seed: 9 })
      .expect(200);
    const { records } = await driver.executeQuery(
      'MATCH (c:CONSULTANT {region: $region}) RETURN count(c) AS n',
      { region: R },
    );
    const consultants = Number(records[0]?.get('n'));
    expect(consultants).toBeGreaterThanOrEqual(2);
    await redis.stop();
    for (const app of [A, B]) {
      const region = GraphResponse.parse(
        (await request(app).get(`/api/v1/graph/region/${R}`).expect(200)).body,
      );
      expect(region.nodes.length).toBeGreaterThan(0);
      const options = FilterOptions.parse(
        (await request(app).get(`/api/v1/filters/options/${R}`).expect(200)).body,
      );
      expect(options.consultants).toHaveLength(consultants);
      expect((await statsOf(app)).total_nodes).toBeGreaterThan(0);
    }
    // Writes still work (their invalidation fails quietly) and reads show them at once.
    await request(B).delete(`/api/v1/graph/clear?confirm=true&regions=${R}`).expect(200);
    const cleared = GraphResponse.parse(
      (await request(A).get(`/api/v1/graph/region/${R}`).expect(200)).body,
    );
    expect(cleared.nodes).toEqual([]);

    await redis.start();
    await expect
      .poll(
        async () => {
          await request(A).get('/api/v1/graph/stats').expect(200);
          return (await cacheKeys()).length;
        },
        { timeout: 15_000, interval: 250 },
      )
      .toBeGreaterThan(0);
  });
});
