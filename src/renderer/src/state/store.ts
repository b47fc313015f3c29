/** A minimal observable store: one immutable state, updated by functions, read by selectors. */
import { useSyncExternalStore } from 'react';

export type Store<S> = {
  get: () => S;
  set: (update: (state: S) => S) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (update) => {
      const next = update(state);
      if (Object.is(next, state)) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Re-renders when the selected slice changes. Selectors must return stored values or
 * primitives: a fresh object per call would never compare equal and loop forever.
 */
export function useStore<S, T>(store: Store<S>, select: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
