/**
 * Background generation jobs: one runs at a time; each can be read, awaited, cancelled and
 * watched. Finished jobs are kept (the most recent few) so their outcome can still be read. With
 * a shared job store (Redis), jobs run by other instances can be read, watched, awaited and
 * cancelled too, and the one-at-a-time rule holds across instances.
 */
import { randomUUID } from 'node:crypto';
import type { GenerateRequest, GenerationJob } from '../../../shared/api';
import { AppError, isAppError } from '../../../shared/errors';
import { awaitedBookmarks, withinBookmarkScope, writtenBookmark } from '../../db/bookmarks';
import type { JobStore } from './job-store';
import type { RunOptions } from './run';
import { GenerationError } from './run';
import type { GenerationResult } from '../../../shared/api';

type Listener = (job: GenerationJob) => void;
type Entry = {
  job: GenerationJob;
  controller: AbortController;
  listeners: Set<Listener>;
  done: Promise<GenerationJob>;
};

export type RunFn = (request: GenerateRequest, options: RunOptions) => Promise<GenerationResult>;

const KEEP_FINISHED = 20;
/** Progress reaches the shared store at most this often; the final state always does. */
const PUBLISH_INTERVAL_MS = 100;
/** A running job tells the store it is alive at least this often. */
const HEARTBEAT_MS = 30_000;

const notFound = (id: string): AppError =>
  new AppError('NOT_FOUND', `No generation job ${id}`, [{ field: 'id', message: 'no such job' }]);

const conflict = (): AppError =>
  new AppError('CONFLICT', 'A generation is already running; wait for it or cancel it');

export function createJobRegistry(
  run: RunFn,
  validate: (request: GenerateRequest) => void,
  store?: JobStore,
) {
  const entries = new Map<string, Entry>();
  /** Listeners of jobs that other instances run. */
  const remote = new Map<string, Set<Listener>>();

  store?.watch((job) => {
    if (entries.has(job.id)) return;
    for (const listener of remote.get(job.id) ?? []) listener(job);
  });
  store?.onCancel((id) => {
    const e = entries.get(id);
    if (e?.job.status === 'running') e.controller.abort();
  });

  const snapshot = (e: Entry): GenerationJob => structuredClone(e.job);
  let lastPublished = 0;
  let publishTimer: NodeJS.Timeout | undefined;
  const publish = (e: Entry, now = false): void => {
    if (!store) return;
    clearTimeout(publishTimer);
    publishTimer = undefined;
    const wait = PUBLISH_INTERVAL_MS - (Date.now() - lastPublished);
    if (!now && wait > 0) {
      publishTimer = setTimeout(() => publish(e, true), wait);
      return;
    }
    lastPublished = Date.now();
    void store.publish(snapshot(e));
  };
  const notify = (e: Entry): void => {
    const job = snapshot(e);
    for (const listener of e.listeners) listener(job);
    publish(e, job.status !== 'running');
  };
  const prune = (): void => {
    const finished = [...entries.values()].filter((e) => e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      entries.delete(e.job.id);
  };

  const finish = (e: Entry, patch: Partial<GenerationJob>): GenerationJob => {
    // The job's writes, rollbacks included, are what a later read must see.
    Object.assign(e.job, patch, {
      finished_at: new Date().toISOString(),
      bookmark: writtenBookmark(),
    });
    notify(e);
    e.listeners.clear();
    prune();
    return snapshot(e);
  };

  // The job outlives the request that started it: it has a scope of its own, which waits for
  // what that request had seen.
  const launch = (e: Entry): Promise<GenerationJob> =>
    withinBookmarkScope(awaitedBookmarks(), () => {
      const heartbeat = setInterval(() => publish(e, true), HEARTBEAT_MS);
      return run(e.job.request, {
        signal: e.controller.signal,
        onProgress: (progress) => {
          e.job.progress = progress;
          notify(e);
        },
      })
        .then(
          (result) => finish(e, { status: 'succeeded', result }),
          (error: unknown) => {
            const cancelled = isAppError(error) && error.code === 'CANCELLED';
            return finish(e, {
              status: cancelled ? 'cancelled' : 'failed',
              error: isAppError(error)
                ? { code: error.code, message: error.message }
                : { code: 'INTERNAL', message: 'Generation failed' },
              rolled_back: error instanceof GenerationError && error.rolledBack,
            });
          },
        )
        .finally(() => clearInterval(heartbeat));
    });

  const load = async (id: string): Promise<GenerationJob> => {
    const local = entries.get(id);
    if (local) return snapshot(local);
    const stored = await store?.load(id);
    if (!stored) throw notFound(id);
    return stored;
  };

  /** Listens to a job another instance runs; `listener` also gets its current state once. */
  function watchRemote(id: string, listener: Listener): () => void {
    const listeners = remote.get(id) ?? new Set<Listener>();
    remote.set(id, listeners);
    listeners.add(listener);
    const stop = (): void => {
      listeners.delete(listener);
      if (listeners.size === 0) remote.delete(id);
    };
    // A job that finished before the listener was in place would never be heard of again.
    void store
      ?.load(id)
      .then((job) => {
        if (job && job.status !== 'running' && listeners.has(listener)) listener(job);
      })
      .catch(() => undefined);
    return stop;
  }

  return {
    async start(request: GenerateRequest): Promise<GenerationJob> {
      if ([...entries.values()].some((e) => e.job.status === 'running')) throw conflict();
      validate(request);
      const job: GenerationJob = {
        id: randomUUID(),
        status: 'running',
        request,
        progress: null,
        result: null,
        error: null,
        rolled_back: false,
        started_at: new Date().toISOString(),
        finished_at: null,
        bookmark: null,
      };
      // The shared slot is taken atomically, so it also settles starts racing on this instance.
      if (store && !(await store.claim(job.id))) throw conflict();
      const e: Entry = {
        job,
        controller: new AbortController(),
        listeners: new Set(),
        done: Promise.resolve(job),
      };
      entries.set(job.id, e);
      publish(e, true);
      e.done = launch(e);
      return snapshot(e);
    },
    get: load,
    async cancel(id: string): Promise<GenerationJob> {
      const job = await load(id);
      // Cancelling a finished job would do nothing: say so rather than answer as if it had.
      if (job.status !== 'running')
        throw new AppError(
          'CONFLICT',
          `Generation job ${id} has already ${job.status === 'cancelled' ? 'been cancelled' : job.status}; only a running job can be cancelled.`,
          [{ field: 'id', message: `the job is ${job.status}, not running` }],
        );
      const e = entries.get(id);
      if (e) e.controller.abort();
      else await store?.requestCancel(id);
      return job;
    },
    async wait(id: string): Promise<GenerationJob> {
      const local = entries.get(id);
      if (local) return local.done;
      const job = await load(id);
      if (job.status !== 'running') return job;
      return new Promise((resolve) => {
        const stop = watchRemote(id, (update) => {
          if (update.status === 'running') return;
          stop();
          resolve(update);
        });
      });
    },
    subscribe(id: string, listener: Listener): () => void {
      const e = entries.get(id);
      if (!e) {
        if (!store) throw notFound(id);
        let done = false;
        const stop = watchRemote(id, (job) => {
          if (done) return;
          if (job.status !== 'running') {
            done = true;
            queueMicrotask(stop);
          }
          listener(job);
        });
        return stop;
      }
      if (e.job.status !== 'running') {
        listener(snapshot(e));
        return () => undefined;
      }
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    },
  };
}
