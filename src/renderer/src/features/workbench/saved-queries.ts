/** Saved queries: named Cypher with its parameters, kept by name (saving a name again replaces it). */
import { z } from 'zod';
import { JsonValue } from '@shared/api';

export const SavedQuery = z.object({
  name: z.string().trim().min(1).max(120),
  query: z.string().min(1),
  parameters: z.record(z.string(), JsonValue),
  saved_at: z.string(),
});
export type SavedQuery = z.infer<typeof SavedQuery>;
export const SavedQueries = z.array(SavedQuery);

export const SAVED_QUERIES_KEY = 'smart-network.workbench.saved.v1';

const sameName = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

/** Adds or replaces by name; the list stays sorted by name. */
export function saveQuery(list: readonly SavedQuery[], query: SavedQuery): SavedQuery[] {
  const entry = { ...query, name: query.name.trim() };
  return [...list.filter((q) => !sameName(q.name, entry.name)), entry].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export function deleteQuery(list: readonly SavedQuery[], name: string): SavedQuery[] {
  return list.filter((q) => !sameName(q.name, name));
}

export function hasQuery(list: readonly SavedQuery[], name: string): boolean {
  return list.some((q) => sameName(q.name, name));
}
