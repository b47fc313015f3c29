/** The read cache for this process: Redis when REDIS_URL is set, else in-process memory. */
import type { Config } from '../config/env';
import type { Logger } from '../logger';
import { createMemoryCache } from './memory';
import { createRedisCache } from './redis';
import type { ReadCache } from './types';

export type { ReadCache } from './types';

export function createReadCache(config: Pick<Config, 'REDIS_URL'>, logger: Logger): ReadCache {
  return config.REDIS_URL
    ? createRedisCache({ url: config.REDIS_URL, logger })
    : createMemoryCache();
}
