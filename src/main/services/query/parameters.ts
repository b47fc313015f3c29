/**
 * Query parameters from JSON. Whole numbers become Neo4j integers, as the same literal would be
 * in Cypher (so `LIMIT $n` works and `{level: $n}` matches stored integers); other numbers stay
 * floats.
 */
import neo4j from 'neo4j-driver';
import type { JsonValue } from '../../../shared/api';

function toCypherValue(value: JsonValue): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toCypherValue);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherValue(v)]));
  return value;
}

export function toCypherParameters(parameters: Record<string, JsonValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, toCypherValue(v)]));
}
