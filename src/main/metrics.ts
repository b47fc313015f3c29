/**
 * Prometheus metrics: request latency by route and status, database work latency, driver pool
 * usage (sessions and queries in flight, counted here because the driver does not expose its
 * pool), process memory (default metrics), and node/relationship counts from the (cached) stats.
 */
import type { Driver, Session } from 'neo4j-driver';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type GraphCounts = {
  nodes_by_label: Record<string, number>;
  relationships_by_type: Record<string, number>;
};

export type Metrics = {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  queryDuration: Histogram<'kind'>;
  /** Wraps a driver so that its sessions and queries are counted and timed. */
  instrumentDriver: (driver: Driver) => Driver;
  /** Where the node/relationship gauges read their values at scrape time. */
  setCountsSource: (source: () => Promise<GraphCounts>) => void;
};

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export function createMetrics(options: { poolSize: number; defaultMetrics?: boolean }): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });

  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const queryDuration = new Histogram({
    name: 'neo4j_query_duration_seconds',
    help: 'Database work latency: auto-commit queries and sessions (open to close)',
    labelNames: ['kind'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'neo4j_pool_in_use',
    help: 'Driver connections in use: open sessions plus auto-commit queries in flight',
    registers: [registry],
  });
  new Gauge({
    name: 'neo4j_pool_max_size',
    help: 'Configured maximum size of the driver connection pool',
    registers: [registry],
  }).set(options.poolSize);

  let countsSource: (() => Promise<GraphCounts>) | undefined;
  const nodes = new Gauge({
    name: 'graph_nodes',
    help: 'Nodes in the database by label',
    labelNames: ['label'] as const,
    registers: [registry],
    async collect() {
      await refreshCounts();
    },
  });
  const relationships = new Gauge({
    name: 'graph_relationships',
    help: 'Relationships in the database by type',
    labelNames: ['type'] as const,
    registers: [registry],
  });

  async function refreshCounts(): Promise<void> {
    if (!countsSource) return;
    try {
      const counts = await countsSource();
      for (const [label, n] of Object.entries(counts.nodes_by_label)) nodes.set({ label }, n);
      for (const [type, n] of Object.entries(counts.relationships_by_type))
        relationships.set({ type }, n);
    } catch {
      // An unreachable database must not fail the scrape; /health reports it.
    }
  }

  function instrumentSession(session: Session): Session {
    const stop = queryDuration.startTimer({ kind: 'session' });
    inFlight.inc();
    const close = session.close.bind(session);
    let closed = false;
    session.close = async () => {
      if (!closed) {
        closed = true;
        inFlight.dec();
        stop();
      }
      await close();
    };
    return session;
  }

  function instrumentDriver(driver: Driver): Driver {
    return new Proxy(driver, {
      get(target, property) {
        if (property === 'session')
          return (...args: Parameters<Driver['session']>) =>
            instrumentSession(target.session(...args));
        if (property === 'executeQuery')
          return async (...args: Parameters<Driver['executeQuery']>) => {
            const stop = queryDuration.startTimer({ kind: 'query' });
            inFlight.inc();
            try {
              return await target.executeQuery(...args);
            } finally {
              inFlight.dec();
              stop();
            }
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  }

  return {
    registry,
    httpDuration,
    queryDuration,
    instrumentDriver,
    setCountsSource: (source) => {
      countsSource = source;
    },
  };
}
