/**
 * Read-cached handlers, by each operation's cache role in the contract: `read` operations (stats,
 * filter options, region graphs) are served from the cache; every operation that writes to the
 * graph (clear, write queries, generation and import start/finish/cancel) drops the whole cache and leaves
 * its bookmark with it. An entry is never served to a request that carries a bookmark its read
 * did not wait for. Writes by other processes (e.g. the CLI) show after the TTL at most.
 */
import { contract, OPERATION_NAMES, type OperationName } from '../../shared/contract';
import type { Handlers } from '../services/types';
import { bookmarksOf } from '../../shared/http';
import { awaitedBookmarks, withinBookmarkScope, writtenBookmark } from '../db/bookmarks';
import { currentClient, withClient } from '../services/request-context';
import type { ReadCache } from './types';

/** A cached output and the bookmarks its read waited for. */
type CacheEntry<O> = { seen: string[]; output: O };

const DEFAULT_CACHE_TTL_MS = 60_000;

/** A background job as far as the cache cares: whether it still runs, and what it wrote. */
type Job = { id: string; status: string; bookmark: string | null };

export type JobEvents = {
  subscribe: (jobId: string, listener: (job: Job) => void) => () => void;
};

export function withReadCache(
  handlers: Handlers,
  cache: ReadCache,
  options: { generation: JobEvents; imports?: JobEvents; ttlMs?: number },
): Handlers {
  const ttlMs = options.ttlMs ?? DEFAULT_CACHE_TTL_MS;

  // Misses in flight, by version, key and bookmarks: concurrent requests for an entry that is
  // being computed share that one computation instead of each running it (and holding its
  // result) again. It runs with a signal of its own, given up only once every request waiting
  // for it has given up (a caller without a signal never does).
  type Flight = { output: Promise<unknown>; waiting: number; given: AbortController };
  const inFlight = new Map<string, Flight>();

  function join(flight: Flight): Promise<unknown> {
    const { signal } = currentClient();
    flight.waiting += 1;
    signal?.addEventListener(
      'abort',
      () => {
        flight.waiting -= 1;
        if (flight.waiting === 0) flight.given.abort(signal.reason);
      },
      { once: true },
    );
    return flight.output;
  }

  function cached<I, O>(name: string, handler: (input: I) => Promise<O>): (input: I) => Promise<O> {
    return async (input) => {
      const key = `${name}:${JSON.stringify(input)}`;
      const carried = awaitedBookmarks();
      const { value, version, recent } = await cache.lookup(key);
      if (value !== undefined) {
        // Entries are written only below, from this operation's own output.
        const entry = JSON.parse(value) as CacheEntry<O>;
        // Served only if its read is known to include every write the request has seen.
        if (carried.every((bookmark) => entry.seen.includes(bookmark))) return entry.output;
      }
      // The read waits for the request's bookmarks and the latest writes', and says so.
      const seen = [...new Set([...carried, ...recent])];
      const flightKey = `${version}:${key}:${seen.join(',')}`;
      const pending = inFlight.get(flightKey);
      if (pending) return join(pending) as Promise<O>;
      const given = new AbortController();
      const client = { ...currentClient(), signal: given.signal };
      const output = withClient(client, () => withinBookmarkScope(seen, () => handler(input)))
        .then(async (output) => {
          const entry: CacheEntry<O> = { seen, output };
          await cache.store(key, JSON.stringify(entry), version, ttlMs);
          return output;
        })
        .finally(() => inFlight.delete(flightKey));
      const flight: Flight = { output, waiting: 0, given };
      inFlight.set(flightKey, flight);
      return join(flight) as Promise<O>;
    };
  }

  const invalidate = (bookmark: string | null): Promise<void> =>
    cache.invalidate(bookmarksOf(bookmark));

  async function invalidating<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      await invalidate(writtenBookmark());
    }
  }

  function invalidateWhenDone(job: Job, events: JobEvents): void {
    if (job.status !== 'running') return;
    let done = false;
    const unsubscribe = events.subscribe(job.id, (update) => {
      if (done || update.status === 'running') return;
      done = true;
      // subscribe may call this before it returns (job already over): unsubscribe afterwards.
      queueMicrotask(() => unsubscribe());
      void invalidate(update.bookmark);
    });
  }

  /** A query that may write: anything not explicitly read-only. */
  const mayWrite = (input: unknown): boolean =>
    !(typeof input === 'object' && input !== null && 'read_only' in input && input.read_only);

  /** Operations that answer with a running job, and where that job's updates come from. */
  const JOB_EVENTS: Partial<Record<OperationName, JobEvents>> = {
    startGeneration: options.generation,
    ...(options.imports && { startImport: options.imports }),
  };

  function wrap(name: OperationName): (input: unknown) => Promise<unknown> {
    // Each handler takes its own operation's parsed input; the wrapper passes it through.
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const { cache: role } = contract[name];
    if (role === 'read') return cached(name, handler);
    if (role === 'invalidates-when-writing')
      return (input) => (mayWrite(input) ? invalidating(() => handler(input)) : handler(input));
    if (role !== 'invalidates') return handler;
    const events = JOB_EVENTS[name];
    if (!events) return (input) => invalidating(() => handler(input));
    // A job goes on writing after it answers: the cache drops again when the job ends.
    return async (input) => {
      const job = (await invalidating(() => handler(input))) as Job;
      invalidateWhenDone(job, events);
      return job;
    };
  }

  // Built from the table of names, so every operation is present with its own handler's type.
  return Object.fromEntries(OPERATION_NAMES.map((name) => [name, wrap(name)])) as Handlers;
}
