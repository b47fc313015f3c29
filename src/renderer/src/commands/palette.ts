/** The command palette's list: every command but the palette itself, fuzzy-filtered by a query. */
import fuzzysort from 'fuzzysort';
import { COMMAND_IDS, commandSpec, type CommandGroup, type CommandId } from '@shared/commands';
import type { CommandRunner } from './context';
import { keyLabels } from './keymap';

export type PaletteItem = {
  id: CommandId;
  title: string;
  group: CommandGroup;
  keys: string[];
  /** Why it cannot run now; null when it can. */
  reason: string | null;
};

type Entry = { id: CommandId; title: string; group: string; keywords: string };

const ENTRIES: Entry[] = COMMAND_IDS.filter((id) => id !== 'command-palette').map((id) => {
  const { title, group, keywords = '' } = commandSpec(id);
  return { id, title, group, keywords };
});

/** Matching commands, best first (table order for an empty query). */
export function paletteItems(
  query: string,
  runner: Pick<CommandRunner, 'keys' | 'whyDisabled'>,
): PaletteItem[] {
  const text = query.trim();
  const entries = text
    ? fuzzysort
        .go(text, ENTRIES, { keys: ['title', 'group', 'keywords'], threshold: 0, limit: 0 })
        .map((r) => r.obj)
    : ENTRIES;
  return entries.map(({ id }) => {
    const { title, group } = commandSpec(id);
    return { id, title, group, keys: keyLabels(id, runner.keys), reason: runner.whyDisabled(id) };
  });
}
