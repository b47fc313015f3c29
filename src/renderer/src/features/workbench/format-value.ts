/** How a result cell reads in the table: nodes by label and name, other values compactly. */
import type { JsonValue } from '../../../../shared/api';

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function describeEntity(v: JsonObject): string | null {
  const name = typeof v.name === 'string' ? v.name : typeof v.id === 'string' ? v.id : null;
  if (typeof v.label === 'string' && name !== null) return `(${v.label}) ${name}`;
  if (typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string') {
    return `[${v.type}] ${v.source} → ${v.target}`;
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
