/**
 * Runs a generation job and follows it: the server's live events, plus one read right after
 * subscribing so a job that moved on before the subscription is not missed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GenerateInput, GenerationJob } from '@shared/api';
import type { Client } from '@shared/contract';
import { isAppError } from '@shared/errors';
import { errorMessage } from '../../state/errors';
import type { ProgressRow } from './progress';
import { completeRows, isFinished, recordProgress } from './progress';

export type Generation = {
  job: GenerationJob | null;
  rows: ProgressRow[];
  error: string | null;
  starting: boolean;
  start: (request: GenerateInput) => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
};

export function useGeneration(
  client: Client,
  onFinished: (job: GenerationJob) => void,
): Generation {
  const [job, setJob] = useState<GenerationJob | null>(null);
  const [rows, setRows] = useState<ProgressRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const unsubscribe = useRef<(() => void) | null>(null);
  const finishedId = useRef<string | null>(null);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  const accept = useCallback((next: GenerationJob) => {
    setJob((current) => {
      // Snapshots can arrive out of order (event and read); a finished job stays finished.
      if (current && current.id === next.id && isFinished(current) && !isFinished(next))
        return current;
      return next;
    });
    const result = next.status === 'succeeded' ? next.result : null;
    setRows((r) => (result ? completeRows(r, result) : recordProgress(r, next.progress)));
    if (isFinished(next) && finishedId.current !== next.id) {
      finishedId.current = next.id;
      unsubscribe.current?.();
      unsubscribe.current = null;
      finished.current(next);
    }
  }, []);

  useEffect(() => () => unsubscribe.current?.(), []);

  const start = async (request: GenerateInput): Promise<void> => {
    setError(null);
    setRows([]);
    setStarting(true);
    try {
      const started = await client.startGeneration(request);
      accept(started);
      if (!isFinished(started)) {
        unsubscribe.current = client.onGenerationProgress(started.id, accept);
        accept(await client.getGenerationJob({ id: started.id }));
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  };

  const cancel = async (): Promise<void> => {
    if (!job || isFinished(job)) return;
    try {
      accept(await client.cancelGeneration({ id: job.id }));
    } catch (e) {
      // The run ended before the cancel arrived: show how it ended instead of an error.
      if (isAppError(e) && e.code === 'CONFLICT')
        accept(await client.getGenerationJob({ id: job.id }).catch(() => job));
      else setError(errorMessage(e));
    }
  };

  const reset = (): void => {
    unsubscribe.current?.();
    unsubscribe.current = null;
    setJob(null);
    setRows([]);
    setError(null);
  };

  return { job, rows, error, starting, start, cancel, reset };
}
