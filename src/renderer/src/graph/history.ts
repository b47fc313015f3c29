/** Undo/redo as data: a present state between a past and a future (pure, bounded). */
export type History<T> = { past: readonly T[]; present: T; future: readonly T[] };

const HISTORY_LIMIT = 100;

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/** Records a new present; the redo branch is dropped, the oldest steps fall off at the limit. */
export function pushHistory<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (Object.is(next, h.present)) return h;
  const past = [...h.past, h.present];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1];
  if (h.past.length === 0 || previous === undefined) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;

/** Applies a change to every step of the history (a fact that holds for all of them). */
export function mapHistory<T>(h: History<T>, f: (value: T) => T): History<T> {
  return { past: h.past.map(f), present: f(h.present), future: h.future.map(f) };
}
