/**
 * Small typed persistence over localStorage (or any key-value store): values are validated on
 * the way back in, and a corrupt or foreign value reads as the fallback instead of breaking.
 */
import type { z } from 'zod';

export type KeyValueStore = {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};

export function readStored<T>(
  store: KeyValueStore,
  key: string,
  schema: z.ZodType<T>,
  fallback: T,
): T {
  try {
    const text = store.getItem(key);
    if (text === null) return fallback;
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Writes a value; a full or unavailable store is reported, not thrown. */
export function writeStored(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** The page's localStorage, or a memory store where there is none (private modes, tests). */
export function browserStore(): KeyValueStore {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Access itself can throw when storage is disabled.
  }
  const memory = new Map<string, string>();
  return { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) };
}
