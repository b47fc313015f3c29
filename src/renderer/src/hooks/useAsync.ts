/** Runs an async read when its inputs change; stale answers are dropped, errors kept readable. */
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../state/errors';

export type AsyncState<T> =
  | { status: 'idle' | 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: string };

type Settled<T> = { run: () => Promise<T>; attempt: number; state: AsyncState<T> };

export function useAsync<T>(run: (() => Promise<T>) | null): AsyncState<T> & { retry: () => void } {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  useEffect(() => {
    if (!run) return;
    let live = true;
    run().then(
      (data) => live && setSettled({ run, attempt, state: { status: 'ready', data, error: null } }),
      (error: unknown) =>
        live &&
        setSettled({
          run,
          attempt,
          state: { status: 'error', data: null, error: errorMessage(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [run, attempt]);
  // An answer counts only for the inputs it was asked with; otherwise the read is under way.
  const state: AsyncState<T> =
    settled && settled.run === run && settled.attempt === attempt
      ? settled.state
      : { status: run ? 'loading' : 'idle', data: null, error: null };
  return { ...state, retry };
}
