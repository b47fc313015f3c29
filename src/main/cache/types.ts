/**
 * The read cache behind the stats, filter-option and region endpoints. Values are JSON text;
 * `invalidate` drops everything at once (every write to the graph makes all of it stale).
 */
export type ReadCache = {
  readonly kind: 'memory' | 'redis';
  get: (key: string) => Promise<string | undefined>;
  set: (key: string, value: string, ttlMs: number) => Promise<void>;
  invalidate: () => Promise<void>;
  close: () => Promise<void>;
};
