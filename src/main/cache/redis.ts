/**
 * Shared read cache in Redis, for several API instances behind a load balancer. Entries live
 * under a version number that `invalidate` increments, so one instance's write makes every
 * instance's entries stale at once; old entries expire by their TTL. Each lookup, store or
 * invalidation is one round trip (a short Lua script). Redis failures are logged and treated as
 * misses: the API keeps answering from the database.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { RECENT_BOOKMARKS, type CacheLookup, type ReadCache } from './types';

// KEYS: version, recent bookmarks. ARGV: entry prefix, key.
const LOOKUP_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
local value = redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])
return { version, value, redis.call('LRANGE', KEYS[2], 0, -1) }`;

// KEYS: version. ARGV: entry prefix, key, value, ttl, version looked up.
const STORE_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
if version ~= ARGV[5] then return 0 end
redis.call('SET', ARGV[1] .. version .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
return 1`;

// KEYS: version, recent bookmarks. ARGV: how many to keep, then the write's bookmarks.
const INVALIDATE_SCRIPT = `
redis.call('INCR', KEYS[1])
for i = 2, #ARGV do
  redis.call('LREM', KEYS[2], 0, ARGV[i])
  redis.call('LPUSH', KEYS[2], ARGV[i])
end
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[1]) - 1)
return 1`;

export type RedisCacheOptions = { url: string; logger: Logger; prefix?: string };

const UNAVAILABLE: CacheLookup = { version: 'unavailable', recent: [] };

export function createRedisCache(options: RedisCacheOptions): ReadCache {
  const prefix = options.prefix ?? 'smart-network:cache:';
  const versionKey = `${prefix}version`;
  const recentKey = `${prefix}recent-bookmarks`;
  const redis = new Redis(options.url, {
    maxRetriesPerRequest: 1,
    // Commands fail at once while disconnected instead of queueing behind a reconnect.
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  let warned = false;
  const warn = (error: unknown): void => {
    if (warned) return;
    warned = true;
    const message = error instanceof Error ? error.message : String(error);
    options.logger.warn({ err: message }, 'Redis cache unavailable; serving from the database');
  };
  redis.on('error', warn);
  redis.on('ready', () => {
    warned = false;
  });

  return {
    kind: 'redis',
    lookup: async (key) => {
      try {
        const [version, value, recent] = (await redis.eval(
          LOOKUP_SCRIPT,
          2,
          versionKey,
          recentKey,
          prefix,
          key,
        )) as [string, string | null, string[]];
        return { value: value ?? undefined, version: String(version), recent };
      } catch (error) {
        warn(error);
        return UNAVAILABLE;
      }
    },
    store: async (key, value, version, ttlMs) => {
      if (version === UNAVAILABLE.version) return;
      try {
        await redis.eval(STORE_SCRIPT, 1, versionKey, prefix, key, value, String(ttlMs), version);
      } catch (error) {
        warn(error);
      }
    },
    invalidate: async (bookmarks = []) => {
      try {
        await redis.eval(
          INVALIDATE_SCRIPT,
          2,
          versionKey,
          recentKey,
          String(RECENT_BOOKMARKS),
          ...bookmarks,
        );
      } catch (error) {
        warn(error);
      }
    },
    close: async () => {
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}
