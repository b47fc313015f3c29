/**
 * The read cache behind the stats, schema, filter-option and region endpoints. Values are JSON
 * text. Entries live under a version that every write moves on (every write makes all of them
 * stale at once); an entry is stored only if no write moved the version since its read began.
 * The cache also keeps the bookmarks of the latest writes, which every read that fills it waits
 * for, so that an entry can tell which writes it is known to include.
 */
export type CacheLookup = {
  /** The entry under the key in the current version, if any. */
  value?: string;
  /** The current version, to hand back to `store`. */
  version: string;
  /** Bookmarks of the latest writes (newest first, a bounded number). */
  recent: string[];
};

export type ReadCache = {
  readonly kind: 'memory' | 'redis';
  lookup: (key: string) => Promise<CacheLookup>;
  /** Stores the value unless a write has moved the version on since `version` was looked up. */
  store: (key: string, value: string, version: string, ttlMs: number) => Promise<void>;
  /** A write happened: every entry is stale, and its bookmarks join the recent ones. */
  invalidate: (bookmarks?: readonly string[]) => Promise<void>;
  close: () => Promise<void>;
};

/** How many recent write bookmarks the cache keeps. */
export const RECENT_BOOKMARKS = 32;
