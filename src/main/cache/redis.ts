/**
 * Shared read cache in Redis, for several API instances behind a load balancer. Entries live
 * under a version number that `invalidate` increments, so one instance's write makes every
 * instance's entries stale at once; old entries expire by their TTL. Each read or write is one
 * round trip (a short Lua script resolves the version). Redis failures are logged and treated as
 * misses: the API keeps answering from the database.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { ReadCache } from './types';

const GET_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
return redis.call('GET', ARGV[1] .. version .. ':' .. ARGV[2])`;

const SET_SCRIPT = `
local version = redis.call('GET', KEYS[1]) or '0'
redis.call('SET', ARGV[1] .. version .. ':' .. ARGV[2], ARGV[3], 'PX', ARGV[4])
return 1`;

export type RedisCacheOptions = { url: string; logger: Logger; prefix?: string };

export function createRedisCache(options: RedisCacheOptions): ReadCache {
  const prefix = options.prefix ?? 'smart-network:cache:';
  const versionKey = `${prefix}version`;
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
    get: async (key) => {
      try {
        const value = await redis.eval(GET_SCRIPT, 1, versionKey, prefix, key);
        return typeof value === 'string' ? value : undefined;
      } catch (error) {
        warn(error);
        return undefined;
      }
    },
    set: async (key, value, ttlMs) => {
      try {
        await redis.eval(SET_SCRIPT, 1, versionKey, prefix, key, value, String(ttlMs));
      } catch (error) {
        warn(error);
      }
    },
    invalidate: async () => {
      try {
        await redis.incr(versionKey);
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
