/**
 * Read-cached handlers, by each operation's cache role in the contract: `read` operations (stats,
 * filter options, region graphs) are served from the cache; every operation that writes to the
 * graph (clear, write queries, generation start/finish/cancel) drops the whole cache. Writes by
 * other processes (e.g. the CLI) show after the TTL at most.
 */
import type { GenerationJob } from '../../shared/api';
import { contract, OPERATION_NAMES, type OperationName } from '../../shared/contract';
import type { Handlers } from '../services/types';
import type { ReadCache } from './types';

const DEFAULT_CACHE_TTL_MS = 60_000;

export type JobEvents = {
  subscribe: (jobId: string, listener: (job: GenerationJob) => void) => () => void;
};

export function withReadCache(
  handlers: Handlers,
  cache: ReadCache,
  options: { generation: JobEvents; ttlMs?: number },
): Handlers {
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;

  // Bumped on every invalidation, so that a read that raced a write does not store its result.
  let epoch = 0;

  // Misses in flight, by epoch and key: concurrent requests for an entry that is being computed
  // share that one computation instead of each running it (and holding its result) again.
  const inFlight = new Map<string, Promise<unknown>>();

  function cached<I, O>(name: string, handler: (input: I) => Promise<O>): (input: I) => Promise<O> {
    const compute = async (key: string, input: I): Promise<O> => {
      const before = epoch;
      const value = await handler(input);
      if (before === epoch) await cache.set(key, JSON.stringify(value), ttlMs);
      return value;
    };
    return async (input) => {
      const key = `${name}:${JSON.stringify(input)}`;
      const hit = await cache.get(key);
      // Entries are written only from this operation's own output.
      if (hit !== undefined) return JSON.parse(hit) as O;
      const flightKey = `${epoch}:${key}`;
      const pending = inFlight.get(flightKey) as Promise<O> | undefined;
      if (pending) return pending;
      const flight = compute(key, input).finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, flight);
      return flight;
    };
  }

  async function invalidate(): Promise<void> {
    epoch += 1;
    await cache.invalidate();
  }

  async function invalidating<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await invalidate();
    }
  }

  function invalidateWhenDone(job: GenerationJob): void {
    if (job.status !== 'running') return;
    let done = false;
    const unsubscribe = options.generation.subscribe(job.id, (update) => {
      if (done || update.status === 'running') return;
      done = true;
      // subscribe may call this before it returns (job already over): unsubscribe afterwards.
      queueMicrotask(() => unsubscribe());
      void invalidate();
    });
  }

  /** A query that may write: anything not explicitly read-only. */
  const mayWrite = (input: unknown): boolean =>
    !(typeof input === 'object' && input !== null && 'read_only' in input && input.read_only);

  function wrap(name: OperationName): (input: unknown) => Promise<unknown> {
    // Each handler takes its own operation's parsed input; the wrapper passes it through.
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const { cache: role, async } = contract[name];
    if (role === 'read') return cached(name, handler);
    if (role === 'invalidates-when-writing')
      return (input) => (mayWrite(input) ? invalidating(() => handler(input)) : handler(input));
    if (role !== 'invalidates') return handler;
    if (!async) return (input) => invalidating(() => handler(input));
    // An async operation goes on writing after it answers: the cache drops again when its job ends.
    return async (input) => {
      const job = (await invalidating(() => handler(input))) as GenerationJob;
      invalidateWhenDone(job);
      return job;
    };
  }

  // Built from the table of names, so every operation is present with its own handler's type.
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, wrap(name)])) as Handlers;
}
