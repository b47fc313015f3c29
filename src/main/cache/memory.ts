/**
 * In-process read cache (lru-cache): entries expire after their TTL, and the least recently used
 * ones are dropped once the total size passes a byte budget (region graphs can be megabytes each).
 */
import { LRUCache } from 'lru-cache';
import { RECENT_BOOKMARKS, type ReadCache } from './types';

export function createMemoryCache(
  options: { maxBytes?: number; now?: () => number } = {},
): ReadCache {
  const entries = new LRUCache<string, string>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (value) => Math.max(1, value.length),
    // Expired entries are never served (checked on read), without a timer per entry.
    ttlAutopurge: false,
    // Read the clock on every check: no timer-cached 'now'.
    ttlResolution: 0,
    ...(options.now ? { perf: { now: options.now } } : {}),
  });
  let version = 0;
  let recent: string[] = [];
  return {
    kind: 'memory',
    lookup: (key) =>
      Promise.resolve({ value: entries.get(key), version: String(version), recent: [...recent] }),
    store: (key, value, at, ttlMs) => {
      // An entry over the whole budget is not stored (lru-cache refuses it and drops the key).
      if (at === String(version)) entries.set(key, value, { ttl: ttlMs });
      return Promise.resolve();
    },
    invalidate: (bookmarks = []) => {
      version += 1;
      recent = [...bookmarks, ...recent.filter((b) => !bookmarks.includes(b))].slice(
        0,
        RECENT_BOOKMARKS,
      );
      entries.clear();
      return Promise.resolve();
    },
    close: () => {
      entries.clear();
      return Promise.resolve();
    },
  };
}
