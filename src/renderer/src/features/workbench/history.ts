/**
 * Query history: most recent first, bounded, searchable. Running the same query with the same
 * parameters again moves it to the top instead of adding a duplicate.
 */
import { z } from 'zod';
import { JsonValue } from '@shared/api';

export const HistoryEntry = z.object({
  query: z.string(),
  parameters: z.record(z.string(), JsonValue),
  ran_at: z.string(),
  ok: z.boolean(),
  rows: z.number().int().nullable(),
  elapsed_ms: z.number().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const QueryHistory = z.array(HistoryEntry);

export const HISTORY_KEY = 'smart-network.workbench.history.v1';
const HISTORY_LIMIT = 200;

const sameRun = (a: HistoryEntry, b: HistoryEntry): boolean =>
  a.query.trim() === b.query.trim() &&
  JSON.stringify(a.parameters) === JSON.stringify(b.parameters);

export function addToHistory(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
  limit = HISTORY_LIMIT,
): HistoryEntry[] {
  return [entry, ...history.filter((e) => !sameRun(e, entry))].slice(0, limit);
}

/** Every whitespace-separated term must appear in the query text (case-insensitive). */
export function searchHistory(history: readonly HistoryEntry[], text: string): HistoryEntry[] {
  const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [...history];
  return history.filter((e) => {
    const haystack = e.query.toLowerCase();
    return terms.every((t) => haystack.includes(t));
  });
}
