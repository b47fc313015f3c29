/** How property values read in the details panel: money as USD, flags as words, keys as titles. */
import type { JsonValue } from '@shared/api';
import { formatUsd } from '../../graph/filter-fields';

const USD_KEYS = new Set(['aum', 'value', 'commitment_market_value', 'fc_total_plan_assets']);
const PERCENT_KEYS = new Set(['upside_capture', 'downside_capture', 'batting_average']);
/** Shown in the header or meaningless to an analyst. */
const HIDDEN_KEYS = new Set(['id', 'name', 'region']);

export function propertyTitle(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatValue(key: string, value: JsonValue): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') {
    if (USD_KEYS.has(key)) return formatUsd(value);
    if (PERCENT_KEYS.has(key) && Math.abs(value) <= 2) return `${(value * 100).toFixed(1)}%`;
    return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2);
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Rows for every property, in a stable order, without those the header already shows. */
export function propertyRows(
  properties: Record<string, JsonValue>,
): { key: string; title: string; text: string }[] {
  return Object.keys(properties)
    .filter((k) => !HIDDEN_KEYS.has(k))
    .sort()
    .map((k) => ({ key: k, title: propertyTitle(k), text: formatValue(k, properties[k] ?? null) }));
}
