/** Turns a catalogue entry and the current filters into a read-only query request. */
import type { JsonValue, QueryInput } from '@shared/api';
import type { GraphMode } from '@shared/domain';
import type { FilterState } from '../../graph/filters';
import type { FilterSource, SmartQuery } from './catalogue';

export type FilterContext = { filters: FilterState; mode: GraphMode };

/** Row cap of a smart query: enough for the table and the network view. */
const SMART_QUERY_ROW_LIMIT = 5_000;

function fromFilters(source: FilterSource, context: FilterContext): JsonValue {
  if (source === 'mode') return context.mode;
  const value = context.filters[source];
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.length > 0 ? [...value] : null;
  return value;
}

export function smartParameters(
  entry: SmartQuery,
  context: FilterContext,
  overrides: Readonly<Record<string, JsonValue>> = {},
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [name, spec] of Object.entries(entry.parameters)) {
    out[name] = 'from' in spec ? fromFilters(spec.from, context) : (overrides[name] ?? spec.value);
  }
  return out;
}

export function smartQueryRequest(
  entry: SmartQuery,
  context: FilterContext,
  overrides?: Readonly<Record<string, JsonValue>>,
): QueryInput {
  return {
    query: entry.cypher,
    parameters: smartParameters(entry, context, overrides),
    // Catalogue entries, bundled or imported, never write: the database enforces it.
    read_only: true,
    limit: SMART_QUERY_ROW_LIMIT,
  };
}
