/**
 * The last edit of each client, kept in memory as the statements that reverse it: an undo runs
 * them in one transaction (a required step that matches nothing means the data moved on, and
 * the undo writes nothing). A newer edit replaces the one kept; an undo consumes it.
 */
import type { UndoStatus } from '../../../shared/edit';
import type { Statement } from './statements';

export type UndoStep = {
  statement: Statement;
  /** The step must match a row (a version check, an id that must be free). */
  required: boolean;
  /** Why the undo cannot run when a required step matched nothing. */
  conflict: string;
};

type UndoEntry = { summary: string; steps: UndoStep[] };

/** Clients kept at most; the oldest entry goes first. */
const MAX_CLIENTS = 1_000;

export function createUndoStore() {
  const entries = new Map<string, UndoEntry>();
  return {
    keep(client: string, summary: string, steps: UndoStep[]): void {
      entries.delete(client);
      entries.set(client, { summary, steps });
      if (entries.size > MAX_CLIENTS) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    peek: (client: string): UndoEntry | undefined => entries.get(client),
    /** Consumes the entry if it is still the client's last edit. */
    take(client: string, entry: UndoEntry): void {
      if (entries.get(client) === entry) entries.delete(client);
    },
    status(client: string): UndoStatus {
      const entry = entries.get(client);
      return { available: entry !== undefined, summary: entry?.summary ?? null };
    },
  };
}
