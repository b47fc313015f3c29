/**
 * In-process read cache: entries expire after their TTL, and the least recently used ones are
 * dropped once the total size passes a byte budget (region graphs can be megabytes each).
 */
import type { ReadCache } from './types';

type Entry = { value: string; expires: number };

export function createMemoryCache(
  options: { maxBytes?: number; now?: () => number } = {},
): ReadCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order: re-inserting on read keeps the oldest first.
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const remove = (key: string): void => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.value.length;
    entries.delete(key);
  };

  return {
    kind: 'memory',
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return Promise.resolve(undefined);
      if (entry.expires <= now()) {
        remove(key);
        return Promise.resolve(undefined);
      }
      entries.delete(key);
      entries.set(key, entry);
      return Promise.resolve(entry.value);
    },
    set: (key, value, ttlMs) => {
      remove(key);
      if (value.length > maxBytes) return Promise.resolve();
      entries.set(key, { value, expires: now() + ttlMs });
      bytes += value.length;
      for (const oldest of entries.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
      return Promise.resolve();
    },
    invalidate: () => {
      entries.clear();
      bytes = 0;
      return Promise.resolve();
    },
    close: () => {
      entries.clear();
      bytes = 0;
      return Promise.resolve();
    },
  };
}
