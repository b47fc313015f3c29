/**
 * Background generation jobs: one runs at a time; each can be read, awaited, cancelled and
 * watched. Finished jobs are kept (the most recent few) so their outcome can still be read.
 */
import { randomUUID } from 'node:crypto';
import type { GenerateRequest, GenerationJob } from '../../../shared/api';
import { AppError, isAppError } from '../../../shared/errors';
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

export function createJobRegistry(run: RunFn, validate: (request: GenerateRequest) => void) {
  const entries = new Map<string, Entry>();

  const entry = (id: string): Entry => {
    const found = entries.get(id);
    if (!found)
      throw new AppError('NOT_FOUND', `No generation job ${id}`, [
        { field: 'id', message: 'no such job' },
      ]);
    return found;
  };
  const snapshot = (e: Entry): GenerationJob => structuredClone(e.job);
  const notify = (e: Entry): void => {
    const job = snapshot(e);
    for (const listener of e.listeners) listener(job);
  };
  const prune = (): void => {
    const finished = [...entries.values()].filter((e) => e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      entries.delete(e.job.id);
  };

  const finish = (e: Entry, patch: Partial<GenerationJob>): GenerationJob => {
    Object.assign(e.job, patch, { finished_at: new Date().toISOString() });
    notify(e);
    e.listeners.clear();
    prune();
    return snapshot(e);
  };

  const launch = (e: Entry): Promise<GenerationJob> =>
    run(e.job.request, {
      signal: e.controller.signal,
      onProgress: (progress) => {
        e.job.progress = progress;
        notify(e);
      },
    }).then(
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
    );

  return {
    start(request: GenerateRequest): GenerationJob {
      if ([...entries.values()].some((e) => e.job.status === 'running'))
        throw new AppError('CONFLICT', 'A generation is already running; wait for it or cancel it');
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
      };
      const e: Entry = {
        job,
        controller: new AbortController(),
        listeners: new Set(),
        done: Promise.resolve(job),
      };
      entries.set(job.id, e);
      e.done = launch(e);
      return snapshot(e);
    },
    get: (id: string): GenerationJob => snapshot(entry(id)),
    cancel(id: string): GenerationJob {
      const e = entry(id);
      // Cancelling a finished job would do nothing: say so rather than answer as if it had.
      if (e.job.status !== 'running')
        throw new AppError(
          'CONFLICT',
          `Generation job ${id} has already ${e.job.status === 'cancelled' ? 'been cancelled' : e.job.status}; only a running job can be cancelled.`,
          [{ field: 'id', message: `the job is ${e.job.status}, not running` }],
        );
      e.controller.abort();
      return snapshot(e);
    },
    wait: (id: string): Promise<GenerationJob> => entry(id).done,
    subscribe(id: string, listener: Listener): () => void {
      const e = entry(id);
      if (e.job.status !== 'running') {
        listener(snapshot(e));
        return () => undefined;
      }
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    },
  };
}
