/**
 * Where generation jobs are seen by every API instance. Without Redis, jobs live only in the
 * process that runs them. With REDIS_URL, each job's latest state is stored in Redis and
 * published on a channel, the one running slot is a Redis key (one generation at a time across
 * all instances), and a cancel asked of any instance reaches the one that runs the job.
 */
import { Redis } from 'ioredis';
import { GenerationJob } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logger';

export type JobStore = {
  /** Takes the one running slot for a job; false when another instance's job holds it. */
  claim: (jobId: string) => Promise<boolean>;
  /** Stores the job's state and tells every instance; a finished job gives the slot back. */
  publish: (job: GenerationJob) => Promise<void>;
  /** A job run by any instance, or undefined. */
  load: (jobId: string) => Promise<GenerationJob | undefined>;
  /** Updates of jobs run by other instances; returns an unsubscribe function. */
  watch: (listener: (job: GenerationJob) => void) => () => void;
  /** Asks whichever instance runs the job to cancel it. */
  requestCancel: (jobId: string) => Promise<void>;
  /** Called with the id of every job some instance was asked to cancel. */
  onCancel: (handler: (jobId: string) => void) => void;
  close: () => Promise<void>;
};

/** A running job's slot and state outlive a silent instance by this long at most. */
const RUNNING_TTL_MS = 120_000;
/** Finished jobs stay readable this long. */
const FINISHED_TTL_MS = 24 * 3600_000;

export function createRedisJobStore(options: {
  url: string;
  logger: Logger;
  prefix?: string;
}): JobStore {
  const prefix = options.prefix ?? 'smart-network:jobs:';
  const slotKey = `${prefix}running`;
  const eventsChannel = `${prefix}events`;
  const cancelChannel = `${prefix}cancel`;
  const jobKey = (id: string): string => `${prefix}job:${id}`;
  const connect = (): Redis => new Redis(options.url, { maxRetriesPerRequest: 1 });
  const redis = connect();
  const subscriber = connect();
  const warn = (error: unknown): void =>
    options.logger.warn(
      { err: error instanceof Error ? error.message : String(error) },
      'Redis job registry unavailable',
    );
  redis.on('error', warn);
  subscriber.on('error', warn);

  const watchers = new Set<(job: GenerationJob) => void>();
  const cancelHandlers = new Set<(jobId: string) => void>();
  void subscriber.subscribe(eventsChannel, cancelChannel).catch(warn);
  subscriber.on('message', (channel: string, message: string) => {
    if (channel === cancelChannel) for (const handler of cancelHandlers) handler(message);
    if (channel !== eventsChannel) return;
    const job = parse(message);
    if (job) for (const watcher of watchers) watcher(job);
  });

  function parse(text: string | null): GenerationJob | undefined {
    if (text === null) return undefined;
    try {
      const parsed = GenerationJob.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  const unavailable = (error: unknown): AppError => {
    warn(error);
    return new AppError(
      'DATABASE_UNAVAILABLE',
      'The generation job registry (Redis, REDIS_URL) is unreachable; try again shortly.',
    );
  };

  return {
    claim: async (jobId) => {
      try {
        return (await redis.set(slotKey, jobId, 'PX', RUNNING_TTL_MS, 'NX')) === 'OK';
      } catch (error) {
        throw unavailable(error);
      }
    },
    publish: async (job) => {
      const text = JSON.stringify(job);
      const running = job.status === 'running';
      try {
        const batch = redis
          .multi()
          .set(jobKey(job.id), text, 'PX', running ? RUNNING_TTL_MS : FINISHED_TTL_MS);
        if (running) batch.pexpire(slotKey, RUNNING_TTL_MS);
        await batch.publish(eventsChannel, text).exec();
        // The slot goes only if it is still this job's.
        if (!running)
          await redis.eval(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            1,
            slotKey,
            job.id,
          );
      } catch (error) {
        warn(error);
      }
    },
    load: async (jobId) => {
      try {
        return parse(await redis.get(jobKey(jobId)));
      } catch (error) {
        throw unavailable(error);
      }
    },
    watch: (listener) => {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    requestCancel: async (jobId) => {
      try {
        await redis.publish(cancelChannel, jobId);
      } catch (error) {
        throw unavailable(error);
      }
    },
    onCancel: (handler) => {
      cancelHandlers.add(handler);
    },
    close: async () => {
      watchers.clear();
      cancelHandlers.clear();
      await Promise.allSettled([redis.quit(), subscriber.quit()]);
    },
  };
}
