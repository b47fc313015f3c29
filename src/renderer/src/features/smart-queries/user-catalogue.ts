/**
 * The analyst's own smart queries, kept in the browser's storage and merged after the bundled
 * ones. Importing a file adds its valid entries (replacing same-id user entries) and reports
 * the rest.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../workbench/storage';
import { readStored, writeStored } from '../workbench/storage';
import { parseCatalogue, parseCatalogueText, type Catalogue, type SmartQuery } from './catalogue';

export const USER_CATALOGUE_KEY = 'smart-network.smart-queries.user.v1';

/** Stored entries are re-validated on every read, so a tampered store cannot break the page. */
export function loadUserCatalogue(
  store: KeyValueStore,
  bundledIds: ReadonlySet<string>,
): Catalogue {
  return parseCatalogue(
    readStored(store, USER_CATALOGUE_KEY, z.array(z.unknown()), []),
    bundledIds,
  );
}

export function saveUserCatalogue(store: KeyValueStore, entries: readonly SmartQuery[]): boolean {
  return writeStored(store, USER_CATALOGUE_KEY, entries);
}

export function importEntries(
  current: readonly SmartQuery[],
  text: string,
  bundledIds: ReadonlySet<string>,
): Catalogue & { added: number } {
  const imported = parseCatalogueText(text, bundledIds);
  const ids = new Set(imported.entries.map((e) => e.id));
  return {
    entries: [...current.filter((e) => !ids.has(e.id)), ...imported.entries],
    problems: imported.problems,
    added: imported.entries.length,
  };
}

export const removeEntry = (current: readonly SmartQuery[], id: string): SmartQuery[] =>
  current.filter((e) => e.id !== id);
