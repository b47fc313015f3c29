/**
 * Two API server processes on one Neo4j (through `neo4j://`) and one Redis, as behind a load
 * balancer without sticky sessions: a write through one is seen by a read through the other,
 * whose cache drops what the write changed, and a generation started through one is watched
 * (server-sent events) and cancelled through the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationJob, GraphResponse } from '../../../src/shared/api';
import { BOOKMARK_HEADER } from '../../../src/shared/http';
import { startServer, type ServerProcess } from '../../../scripts/hardening/lib/server';
import { startRedisServer, type RedisServer } from '../../../scripts/lib/redis-server';
import { readEvents } from '../api/sse';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';

const routingUri = (): string => testDatabase().uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');

async function json<T>(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

describe('two API instances on one Neo4j and one Redis', () => {
  const [region = '', other = ''] = testRegions(2);
  const dataDir = mkdtempSync(join(tmpdir(), 'smart-network-two-'));
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    redis = await startRedisServer();
    const db = testDatabase();
    const env = {
      NEO4J_URI: routingUri(),
      NEO4J_USERNAME: db.username,
      NEO4J_PASSWORD: db.password,
      NEO4J_DATABASE: db.database,
      REDIS_URL: redis.url,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      REGIONS: `${region},${other}`,
      ENVIRONMENT: 'test',
      LOG_LEVEL: 'warn',
      SMART_NETWORK_DATA_DIR: dataDir,
    };
    const logs = (name: string) => ({
      stdout: join(dataDir, `${name}.out.log`),
      stderr: join(dataDir, `${name}.err.log`),
    });
    [a, b] = await Promise.all([startServer(env, logs('a')), startServer(env, logs('b'))]);
  });

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await redis?.stop();
    const driver = testDriver();
    await removeRegions(driver, [region, other]);
    await driver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const regionGraph = (server: ServerProcess, bookmark?: string) =>
    json<GraphResponse>(`${server.url}/api/v1/graph/region/${region}`, {
      headers: bookmark ? { [BOOKMARK_HEADER]: bookmark } : {},
    });

  it('reads through B what was written through A, and both caches drop the old answer', async () => {
    // Both instances answer (and cache) the empty region.
    for (const server of [a, b, a, b]) {
      const { status, body } = await regionGraph(server);
      expect(status).toBe(200);
      expect(body.nodes).toHaveLength(0);
    }
    const written = await json<GenerationJob>(`${a.url}/api/v1/graph/generate`, {
      method: 'POST',
      body: JSON.stringify({
        regions: [region],
        consultants_per_region: 1,
        field_consultants_per_consultant: 1,
        companies_per_field_consultant: 2,
        products_per_company: 1,
        seed: 11,
      }),
    });
    expect(written.status).toBe(200);
    const bookmark = written.headers.get(BOOKMARK_HEADER) ?? '';
    expect(bookmark).not.toBe('');
    expect(written.body.bookmark).toBe(bookmark);
    const nodes = written.body.result?.total_nodes ?? 0;
    expect(nodes).toBeGreaterThan(0);

    // With the bookmark, B waits for the write; without it, neither cache serves the old answer.
    const seen = await regionGraph(b, bookmark);
    expect(seen.status).toBe(200);
    const shown = seen.body.nodes.length;
    expect(shown).toBeGreaterThan(0);
    for (const server of [b, a]) expect((await regionGraph(server)).body.nodes).toHaveLength(shown);

    // A clear through B drops what A cached, and A sees it with B's bookmark.
    const stats = await json<{ nodes_by_label: Record<string, number> }>(
      `${a.url}/api/v1/graph/stats`,
    );
    const cleared = await json<{ deleted_nodes: number; bookmark: string }>(
      `${b.url}/api/v1/graph/clear?confirm=true&regions=${region}`,
      { method: 'DELETE' },
    );
    expect(cleared.body.deleted_nodes).toBe(nodes);
    expect(cleared.headers.get(BOOKMARK_HEADER)).toBe(cleared.body.bookmark);
    const after = await json<{ nodes_by_label: Record<string, number> }>(
      `${a.url}/api/v1/graph/stats?bookmark=${encodeURIComponent(cleared.body.bookmark)}`,
    );
    const total = (s: { nodes_by_label: Record<string, number> }) =>
      Object.values(s.nodes_by_label).reduce((sum, n) => sum + n, 0);
    expect(total(stats.body) - total(after.body)).toBe(nodes);
    expect((await regionGraph(a, cleared.body.bookmark)).body.nodes).toHaveLength(0);
  });

  it('watches and cancels through B a generation started through A', async () => {
    const started = await json<GenerationJob>(`${a.url}/api/v1/graph/generate?async=true`, {
      method: 'POST',
      body: JSON.stringify({
        regions: [other],
        consultants_per_region: 40,
        field_consultants_per_consultant: 5,
        companies_per_field_consultant: 10,
        products_per_company: 8,
        batch_size: 20,
        seed: 12,
      }),
    });
    expect(started.status).toBe(202);
    const id = started.body.id;
    const onB = await json<GenerationJob>(`${b.url}/api/v1/graph/generate/jobs/${id}`);
    expect(onB.status).toBe(200);
    expect(onB.body).toMatchObject({ id, status: 'running' });

    // One generation at a time, whichever instance is asked.
    const second = await json<{ error: { code: string } }>(
      `${b.url}/api/v1/graph/generate?async=true`,
      {
        method: 'POST',
        body: JSON.stringify({ regions: [region], consultants_per_region: 1 }),
      },
    );
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONFLICT');

    // B's event stream shows A's progress; a cancel through B stops the run on A.
    let cancelled = false;
    const stream = await readEvents(
      `${b.url}/api/v1/graph/generate/jobs/${id}/events`,
      {},
      (event) => {
        const job = JSON.parse(event.data) as GenerationJob;
        if (!cancelled && (job.progress?.done ?? 0) > 0) {
          cancelled = true;
          void fetch(`${b.url}/api/v1/graph/generate/jobs/${id}`, { method: 'DELETE' });
        }
        return job.status !== 'running';
      },
    );
    expect(stream.status).toBe(200);
    const jobs = stream.events.map((event) => JSON.parse(event.data) as GenerationJob);
    expect(jobs.some((job) => job.status === 'running' && (job.progress?.done ?? 0) > 0)).toBe(
      true,
    );
    const last = jobs.at(-1);
    expect(last).toMatchObject({ id, status: 'cancelled', rolled_back: true });
    expect(last?.bookmark).toMatch(/\S/);
    // A, which ran it, says the same, and B waits for it through its own wait route.
    const onA = await json<GenerationJob>(`${a.url}/api/v1/graph/generate/jobs/${id}`);
    expect(onA.body).toMatchObject({ id, status: 'cancelled', rolled_back: true });
    const graph = await json<GraphResponse>(`${b.url}/api/v1/graph/region/${other}`, {
      headers: { [BOOKMARK_HEADER]: last?.bookmark ?? '' },
    });
    expect(graph.body.nodes).toHaveLength(0);
    // The slot is free again: B can start the next one.
    const next = await json<GenerationJob>(`${b.url}/api/v1/graph/generate`, {
      method: 'POST',
      body: JSON.stringify({ regions: [other], consultants_per_region: 1, seed: 13 }),
    });
    expect(next.status).toBe(200);
    expect(next.body.status).toBe('succeeded');
  });
});
