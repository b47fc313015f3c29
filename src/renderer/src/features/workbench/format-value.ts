/** How a result cell reads in the table: nodes by label and name, other values compactly. */
import type { JsonValue } from '@shared/api';

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nodes, relationships and paths as the query API returns them. */
function describeEntity(v: JsonObject): string | null {
  const props = v.properties !== undefined && isObject(v.properties) ? v.properties : null;
  if (props && Array.isArray(v.labels)) {
    const label = v.labels.filter((l) => typeof l === 'string').join(':');
    const name =
      typeof props.name === 'string' ? props.name : typeof props.id === 'string' ? props.id : '';
    return `(${label}) ${name}`.trim();
  }
  if (props && typeof v.type === 'string') return `[${v.type}]`;
  if (Array.isArray(v.nodes) && Array.isArray(v.relationships)) {
    return `path: ${v.nodes.length} nodes, ${v.relationships.length} relationships`;
  }
  return null;
}

export function formatCell(value: JsonValue | undefined, maxLength = 200): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
  }
  if (typeof value === 'boolean') return String(value);
  const entity = isObject(value) ? describeEntity(value) : null;
  const text = typeof value === 'string' ? value : (entity ?? JSON.stringify(value));
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** The full value for a cell's tooltip. */
export const fullCell = (value: JsonValue | undefined): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, null, 2);
