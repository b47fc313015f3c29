/**
 * Two servers started at once on separate data folders each come up on their own managed Neo4j.
 * One's database is then stopped and started again by another process (`npm run neo4j -- stop`,
 * `start`) while a second, foreign Neo4j holds its old port, so it must move: the server follows
 * it to the new port within 30 s without a restart, and never logs in to the foreign one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { HealthResponse, QueryResponse, StatsResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { managedHome, readIdentity, readState } from '../../../src/main/db/managed/files';
import {
  freePort,
  startManaged,
  stopManaged,
  type ManagedInstance,
} from '../../../src/main/db/managed/server';
import { neo4jCommand, serve, type Served } from './processes';
import { cacheDir, SMALL, tempDirs } from './support';

const dirs = tempDirs();
const dataA = dirs.make('server-a');
const dataB = dirs.make('server-b');
const dataForeign = dirs.make('foreign');
const noUi = dirs.make('no-ui');
const servers: Served[] = [];
let foreign: ManagedInstance | undefined;

afterAll(async () => {
  for (const server of servers) await server.stop();
  await foreign?.stop();
  // A's database was started by `neo4j start`, detached: its server leaves it running.
  for (const dir of [dataA, dataB, dataForeign]) await stopManaged(dir);
  dirs.removeAll();
}, 180_000);

function env(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    SMART_NETWORK_DATA_DIR: dataDir,
    SMART_NETWORK_CACHE_DIR: cacheDir,
    ENVIRONMENT: 'test',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

type Observation = {
  at: number;
  health: number;
  reachable: boolean;
  uri: string;
  nodes: number | null;
  /** The uncached path: a query's status, error code and the network's node count. */
  query: number;
  code: string | null;
  counted: number | null;
};

const COUNT = 'MATCH (n) WHERE NOT n:SN_GENERATION AND NOT n:AuditEntry RETURN count(n) AS nodes';

async function observe(server: Served): Promise<Observation> {
  const healthRes = await fetch(`${server.url}/health`);
  const health = HealthResponse.parse(await healthRes.json());
  const queryRes = await fetch(`${server.url}/api/v1/graph/query`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query: COUNT }),
  });
  const body: unknown = await queryRes.json();
  return {
    at: performance.now(),
    health: healthRes.status,
    reachable: health.database.reachable,
    uri: health.database.uri,
    nodes: health.counts?.nodes ?? null,
    query: queryRes.status,
    code: queryRes.ok ? null : ErrorBody.parse(body).error.code,
    counted: queryRes.ok ? Number(QueryResponse.parse(body).rows[0]?.nodes) : null,
  };
}

async function statsTotal(server: Served): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/graph/stats`);
  expect(res.status).toBe(200);
  return StatsResponse.parse(await res.json()).total_nodes;
}

/** Failed logins the foreign server recorded (Community Edition logs them in debug.log). */
function failedLogins(dataDir: string): number {
  let log = '';
  try {
    log = readFileSync(join(managedHome(dataDir), 'logs', 'debug.log'), 'utf8');
  } catch {
    return 0;
  }
  return log.split('\n').filter((line) => /unauthorized due to authentication failure/.test(line))
    .length;
}

describe('two servers, and a managed Neo4j restarted on another port', () => {
  it(
    'each server uses its own database; the restarted one is followed within 30 s',
    { timeout: 900_000 },
    async () => {
      // Both prefer the same port: at most one can have it.
      const preferred = String(await freePort());
      const [a, b] = await Promise.all([
        serve(
          env(dataA, { SMART_NETWORK_NEO4J_PORT: preferred, NEO4J_PASSWORD: 'never-used-here' }),
          noUi,
        ),
        serve(env(dataB, { SMART_NETWORK_NEO4J_PORT: preferred }), noUi),
      ]);
      servers.push(a, b);
      expect(a.output()).toContain('NEO4J_PASSWORD is set but NEO4J_URI is not');
      expect(a.output()).not.toContain('never-used-here');
      expect(b.output()).not.toContain('NEO4J_PASSWORD is set');

      const stateA = readState(managedHome(dataA));
      const stateB = readState(managedHome(dataB));
      expect(stateA && stateB).toBeTruthy();
      const oldPort = stateA!.boltPort;
      expect(oldPort).not.toBe(stateB!.boltPort);
      expect(readIdentity(managedHome(dataA))).not.toBe(readIdentity(managedHome(dataB)));

      // Data in A only; health counts leave out the generation record, as statistics do.
      const generated = await fetch(`${a.url}/api/v1/graph/generate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ regions: ['NAI'], consultants_per_region: 1, seed: 7 }),
      });
      expect(generated.status).toBe(200);
      const before = await observe(a);
      expect(before).toMatchObject({ health: 200, reachable: true, query: 200 });
      expect(before.uri).toBe(`bolt://127.0.0.1:${oldPort}`);
      const nodesA = before.counted!;
      expect(nodesA).toBeGreaterThan(0);
      expect(before.nodes).toBe(nodesA);
      expect(await statsTotal(a)).toBe(nodesA);
      const beforeB = await observe(b);
      expect(beforeB).toMatchObject({
        reachable: true,
        uri: `bolt://127.0.0.1:${stateB!.boltPort}`,
        nodes: 0,
        counted: 0,
      });

      // Watch A through everything that follows.
      const seen: Observation[] = [];
      let watching = true;
      const watcher = (async () => {
        while (watching) {
          seen.push(await observe(a));
          await new Promise((r) => setTimeout(r, 250));
        }
      })();

      const stopped = await neo4jCommand('stop', env(dataA));
      expect(stopped).toMatchObject({
        code: 0,
        output: expect.stringContaining('Neo4j stopped.') as unknown,
      });
      const down = await observe(a);
      expect(down).toMatchObject({
        health: 503,
        reachable: false,
        query: 503,
        code: 'DATABASE_UNAVAILABLE',
      });

      // Another Neo4j takes the old port; A's own, started again, must go elsewhere.
      foreign = await startManaged({ dataDir: dataForeign, cacheDir, boltPort: oldPort, ...SMALL });
      expect(foreign.boltPort).toBe(oldPort);
      const started = await neo4jCommand(
        'start',
        env(dataA, { SMART_NETWORK_NEO4J_PORT: String(oldPort) }),
      );
      const readyAt = performance.now();
      expect(started.code).toBe(0);
      const newPort = Number(/bolt:\/\/127\.0\.0\.1:(\d+)/.exec(started.output)?.[1]);
      expect(newPort).not.toBe(oldPort);
      expect(readState(managedHome(dataA))?.boltPort).toBe(newPort);

      let recovered: Observation | undefined;
      while (!recovered && performance.now() - readyAt < 60_000) {
        const now = await observe(a);
        if (now.reachable && now.query === 200) recovered = now;
        else await new Promise((r) => setTimeout(r, 100));
      }
      watching = false;
      await watcher;
      expect(recovered).toBeDefined();
      const recoverySeconds = (recovered!.at - readyAt) / 1000;
      console.log(
        `Server A followed its managed Neo4j from port ${oldPort} to ${newPort} ` +
          `${recoverySeconds.toFixed(2)} s after \`neo4j start\` returned ` +
          `(${seen.length} observations while it moved).`,
      );
      expect(recoverySeconds).toBeLessThan(30);
      expect(recovered).toMatchObject({
        uri: `bolt://127.0.0.1:${newPort}`,
        nodes: nodesA,
        counted: nodesA,
      });
      expect(await statsTotal(a)).toBe(nodesA);

      // Never the foreign database: no answer from it, no login attempt on it.
      for (const o of seen) {
        expect(o.code).not.toBe('DATABASE_AUTH_FAILED');
        if (o.reachable) expect(o.nodes).toBe(nodesA);
        if (o.query === 200) expect(o.counted).toBe(nodesA);
        else expect(o).toMatchObject({ query: 503, code: 'DATABASE_UNAVAILABLE' });
      }
      expect(failedLogins(dataForeign)).toBe(0);
      expect(a.output()).toContain('Reconnected to the managed Neo4j');

      // The services and caches work on: a region, and the other server untouched.
      const region = await fetch(`${a.url}/api/v1/graph/region/NAI`);
      expect(region.status).toBe(200);
      expect(await observe(b)).toMatchObject({ reachable: true, counted: 0 });

      // The foreign server does record refused logins, so the zero above means none were tried.
      const credentialsA = JSON.parse(
        readFileSync(join(managedHome(dataA), 'credentials.json'), 'utf8'),
      ) as { username: string; password: string };
      const probe = neo4j.driver(
        foreign.uri,
        neo4j.auth.basic(credentialsA.username, credentialsA.password),
      );
      await expect(probe.getServerInfo()).rejects.toMatchObject({
        code: 'Neo.ClientError.Security.Unauthorized',
      });
      await probe.close();
      await expect.poll(() => failedLogins(dataForeign), { timeout: 10_000 }).toBe(1);
    },
  );
});
