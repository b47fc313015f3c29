/** React state that is read from and written back to a key-value store, validated on read. */
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { readStored, writeStored, type KeyValueStore } from './storage';

export function usePersisted<T>(
  store: KeyValueStore,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): [T, (update: (current: T) => T) => void] {
  const [value, setValue] = useState<T>(() => readStored(store, key, schema, fallback));
  const update = useCallback(
    (fn: (current: T) => T) =>
      setValue((current) => {
        const next = fn(current);
        writeStored(store, key, next);
        return next;
      }),
    [store, key],
  );
  return [value, update];
}
