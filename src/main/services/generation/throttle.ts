/**
 * How a generation job's progress reaches a client (the event stream, the desktop window): at
 * most one update every 100 ms, the latest one when several came in between, and the final
 * state at once.
 */
import type { GenerationJob } from '../../../shared/api';

/** At most this many progress updates per second reach a client; the final one always does. */
export const MIN_PROGRESS_INTERVAL_MS = 100;

export type ProgressThrottle = {
  update: (job: GenerationJob) => void;
  /** Drops a pending update (the client went away). */
  stop: () => void;
};

export function throttleProgress(send: (job: GenerationJob) => void): ProgressThrottle {
  let lastSent = Number.NEGATIVE_INFINITY;
  let pending: NodeJS.Timeout | undefined;
  let latest: GenerationJob | undefined;
  const cancelPending = (): void => {
    clearTimeout(pending);
    pending = undefined;
  };
  const deliver = (job: GenerationJob): void => {
    cancelPending();
    lastSent = Date.now();
    send(job);
  };
  return {
    update: (job) => {
      latest = job;
      const wait = MIN_PROGRESS_INTERVAL_MS - (Date.now() - lastSent);
      if (job.status !== 'running' || wait <= 0) return deliver(job);
      pending ??= setTimeout(() => {
        pending = undefined;
        if (latest?.status === 'running') deliver(latest);
      }, wait);
    },
    stop: cancelPending,
  };
}
