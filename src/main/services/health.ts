/**
 * API and database status: whether the database answers (within a short timeout), what it is,
 * how long it took, and the network's node/relationship counts (from Neo4j's count store, so
 * cheap), which equal the statistics' totals.
 *
 * Probes are shared: concurrent calls wait for the one check in flight, and a finished check
 * (reachable or not) answers for `reuseMs` after it ends. A load balancer or monitor polling
 * /health from many connections then costs the database one query per interval, not one per
 * request; a database that goes down shows within that interval plus the probe timeout.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { HealthResponse } from '../../shared/api';
import { METADATA_LABELS } from './metadata';
import type { Handlers } from './types';

export type HealthDeps = {
  driver: Driver;
  database: string;
  /** The database's address now (the managed database's port can change while running). */
  uri: () => string;
  managed: boolean;
  version: string;
  /** How long the database may take to answer before it counts as unreachable. */
  timeoutMs?: number;
  /** How long a finished check answers for later calls (0: every call probes, unless one runs). */
  reuseMs?: number;
  startedAt?: number;
  /** Clock of the reuse window (tests). */
  now?: () => number;
};

const HEALTH_REUSE_MS = 1_000;

type Probe = { version: string; edition: string; nodes: number; relationships: number };
/** One finished check: its result (none when the database did not answer) and when it ended. */
type Check = { result: Probe | undefined; latencyMs: number; endedAt: number };

async function probe(driver: Driver, database: string): Promise<Probe> {
  const { records } = await driver.executeQuery(
    // Generation records and the audit log are metadata, not part of the network (as in
    // statistics); every count comes from the count store.
    `CALL dbms.components() YIELD versions, edition
     CALL () { MATCH (n) RETURN count(n) AS allNodes }
     ${METADATA_LABELS.map((label, i) => `CALL () { MATCH (m:${label}) RETURN count(m) AS meta${i} }`).join('\n     ')}
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN versions[0] AS version, edition,
       allNodes - ${METADATA_LABELS.map((_, i) => `meta${i}`).join(' - ')} AS nodes, relationships`,
    {},
    { database, routing: neo4j.routing.READ },
  );
  const record = records[0];
  const count = (key: string): number => {
    const value: unknown = record?.get(key);
    return neo4j.isInt(value) ? value.toNumber() : Number(value ?? 0);
  };
  return {
    version: String(record?.get('version') ?? 'unknown'),
    edition: String(record?.get('edition') ?? 'unknown'),
    nodes: count('nodes'),
    relationships: count('relationships'),
  };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createHealthService(deps: HealthDeps) {
  const startedAt = deps.startedAt ?? Date.now();
  const now = deps.now ?? Date.now;
  const reuseMs = deps.reuseMs ?? HEALTH_REUSE_MS;
  let last: Check | undefined;
  let running: Promise<Check> | undefined;

  async function runCheck(): Promise<Check> {
    const started = performance.now();
    const result = await within(probe(deps.driver, deps.database), deps.timeoutMs ?? 5_000).catch(
      () => undefined,
    );
    last = { result, latencyMs: performance.now() - started, endedAt: now() };
    return last;
  }

  function check(): Promise<Check> {
    if (last && now() - last.endedAt < reuseMs) return Promise.resolve(last);
    running ??= runCheck().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    health: async (): Promise<HealthResponse> => {
      const { result, latencyMs } = await check();
      return {
        status: result ? 'ok' : 'unavailable',
        version: deps.version,
        uptime_s: Math.round((Date.now() - startedAt) / 1000),
        database: {
          reachable: Boolean(result),
          uri: deps.uri(),
          database: deps.database,
          managed: deps.managed,
          version: result?.version ?? null,
          edition: result?.edition ?? null,
          latency_ms: result ? Math.round(latencyMs * 10) / 10 : null,
        },
        counts: result ? { nodes: result.nodes, relationships: result.relationships } : null,
      };
    },
  } satisfies Partial<Handlers>;
}
