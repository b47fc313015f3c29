/**
 * API and database status: whether the database answers (within a short timeout), what it is,
 * how long it took, and the node/relationship counts (from Neo4j's count store, so cheap).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { HealthResponse } from '../../shared/api';

export type HealthDeps = {
  driver: Driver;
  database: string;
  uri: string;
  managed: boolean;
  version: string;
  /** How long the database may take to answer before it counts as unreachable. */
  timeoutMs?: number;
  startedAt?: number;
};

type Probe = { version: string; edition: string; nodes: number; relationships: number };

async function probe(driver: Driver, database: string): Promise<Probe> {
  const { records } = await driver.executeQuery(
    `CALL dbms.components() YIELD versions, edition
     CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     RETURN versions[0] AS version, edition, nodes, relationships`,
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

export function createHealthService(deps: HealthDeps): { health: () => Promise<HealthResponse> } {
  const startedAt = deps.startedAt ?? Date.now();
  return {
    health: async () => {
      const started = performance.now();
      const result = await within(probe(deps.driver, deps.database), deps.timeoutMs ?? 5_000).catch(
        () => undefined,
      );
      const latency = performance.now() - started;
      return {
        status: result ? 'ok' : 'unavailable',
        version: deps.version,
        uptime_s: Math.round((Date.now() - startedAt) / 1000),
        database: {
          reachable: Boolean(result),
          uri: deps.uri,
          database: deps.database,
          managed: deps.managed,
          version: result?.version ?? null,
          edition: result?.edition ?? null,
          latency_ms: result ? Math.round(latency * 10) / 10 : null,
        },
        counts: result ? { nodes: result.nodes, relationships: result.relationships } : null,
      };
    },
  };
}
