/**
 * Imports as background jobs: each runs `importReport` with its own abort signal, keeps its
 * latest progress, and ends with the report (also for a refused import, whose bad rows are in
 * it), or the error. Cancelling aborts the run, whose transaction is then rolled back. Jobs live
 * in this process (the uploaded files are on its disk); the most recent finished ones are kept.
 */
import { randomUUID } from 'node:crypto';
import { awaitedBookmarks, withinBookmarkScope, writtenBookmark } from '../../db/bookmarks';
import type { ImportJob, ImportOptions, ImportResult } from '../../../shared/import';
import { AppError, isAppError } from '../../../shared/errors';
import type { ImportFile, ImportRunOptions } from './index';

type Listener = (job: ImportJob) => void;
type Entry = {
  job: ImportJob;
  controller: AbortController;
  listeners: Set<Listener>;
  done: Promise<void>;
};

export type ImportRun = (
  files: readonly ImportFile[],
  options: ImportOptions,
  run: ImportRunOptions,
) => Promise<ImportResult>;

const KEEP_FINISHED = 20;

const notFound = (id: string): AppError =>
  new AppError('NOT_FOUND', `No import job ${id}`, [{ field: 'id', message: 'no such job' }]);

export function createImportJobs(run: ImportRun, refused: (result: ImportResult) => AppError) {
  const entries = new Map<string, Entry>();
  const snapshot = (e: Entry): ImportJob => structuredClone(e.job);
  const notify = (e: Entry): void => {
    const job = snapshot(e);
    for (const listener of e.listeners) listener(job);
  };
  const prune = (): void => {
    const finished = [...entries.values()].filter((e) => e.job.status !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      entries.delete(e.job.id);
  };
  const finish = (e: Entry, patch: Partial<ImportJob>): void => {
    Object.assign(e.job, patch, { finished_at: new Date().toISOString() });
    notify(e);
    e.listeners.clear();
    prune();
  };
  const entry = (id: string): Entry => {
    const e = entries.get(id);
    if (!e) throw notFound(id);
    return e;
  };

  return {
    /** Starts the import and answers at once with the running job. */
    start(files: readonly ImportFile[], options: ImportOptions): ImportJob {
      const e: Entry = {
        job: {
          id: randomUUID(),
          status: 'running',
          dry_run: options.dry_run ?? false,
          files: files.map((f) => f.name),
          progress: {
            phase: 'read',
            file: null,
            rows: 0,
            rows_total: null,
            bytes: 0,
            bytes_total: 0,
            elapsed_ms: 0,
          },
          result: null,
          error: null,
          started_at: new Date().toISOString(),
          finished_at: null,
          bookmark: null,
        },
        controller: new AbortController(),
        listeners: new Set(),
        done: Promise.resolve(),
      };
      entries.set(e.job.id, e);
      // The job outlives the request that started it: it waits for what that request had seen,
      // and its bookmark is read within its own scope.
      e.done = withinBookmarkScope(awaitedBookmarks(), () =>
        run(files, options, {
          signal: e.controller.signal,
          onProgress: (progress) => {
            e.job.progress = progress;
            notify(e);
          },
        }).then(
          (result) => {
            if (result.errors_total > 0 && !result.dry_run) {
              const error = refused(result);
              finish(e, {
                status: 'failed',
                result,
                error: { code: error.code, message: error.message, details: error.details },
              });
            } else
              finish(e, {
                status: 'succeeded',
                result,
                bookmark: result.committed ? writtenBookmark() : null,
              });
          },
          (error: unknown) => {
            const known = isAppError(error);
            finish(e, {
              status: known && error.code === 'CANCELLED' ? 'cancelled' : 'failed',
              error: known
                ? { code: error.code, message: error.message, details: error.details }
                : { code: 'INTERNAL', message: 'The import failed; nothing was written' },
            });
          },
        ),
      );
      return snapshot(e);
    },
    get(id: string): ImportJob {
      return snapshot(entry(id));
    },
    /** Stops a running job and answers once it has rolled back; a finished job as it is. */
    async cancel(id: string): Promise<ImportJob> {
      const e = entry(id);
      if (e.job.status === 'running') e.controller.abort();
      await e.done;
      return snapshot(e);
    },
    /** Every update of the job until it ends (at once when it has ended); returns an unsubscribe. */
    subscribe(id: string, listener: Listener): () => void {
      const e = entries.get(id);
      if (!e || e.job.status !== 'running') {
        if (e) listener(snapshot(e));
        return () => undefined;
      }
      e.listeners.add(listener);
      return () => e.listeners.delete(listener);
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
