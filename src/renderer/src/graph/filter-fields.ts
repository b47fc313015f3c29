/** How each filter field is presented: its title, and how a value reads in a chip. */
import { RANGE_PROPERTIES, RANGE_PROPERTY_NAMES } from '@shared/api';
import type { FilterOptions, RangeProperty } from '@shared/api';
import {
  ENTITY_OPTION_KEYS,
  LIST_FIELDS,
  getRange,
  getValues,
  isEntityField,
  normalizeFilters,
  setRange,
} from './filters';
import type { FilterState, FilterValue, ListField, RangeBound } from './filters';

export const FIELD_TITLES: Record<ListField, string> = {
  regions: 'Region',
  node_types: 'Node type',
  mandate_statuses: 'Mandate status',
  ratings: 'Rating',
  sales_regions: 'Sales region',
  channels: 'Channel',
  asset_classes: 'Asset class',
  influence_levels: 'Influence level',
  privacy_levels: 'Privacy',
  jpm_flags: 'JPM flag',
  opportunity_types: 'Opportunity type',
  consultant_ids: 'Consultant',
  field_consultant_ids: 'Field consultant',
  company_ids: 'Company',
  product_ids: 'Product',
  incumbent_product_ids: 'Incumbent product',
};

export const RANGE_TITLES: Record<RangeProperty, string> = {
  aum: 'AUM',
  performance: 'Performance',
  influence: 'Influence',
  fc_total_plan_assets: 'FC plan assets',
  owns_value: 'Mandate value',
  owns_start_date: 'Mandate start',
  rates_date: 'Rating date',
};

export type FilterChip =
  | { kind: 'value'; field: ListField; value: FilterValue; text: string }
  | { kind: 'range'; property: RangeProperty; text: string };

/** Human text for a value: entity ids read as their names when the options know them. */
export function valueText(field: ListField, value: FilterValue, options?: FilterOptions): string {
  if (isEntityField(field) && options) {
    const hit = options[ENTITY_OPTION_KEYS[field]].find((o) => o.id === value);
    if (hit) return hit.name;
  }
  if (field === 'node_types' && typeof value === 'string') return labelTitle(value);
  return String(value);
}

export function labelTitle(label: string): string {
  return label
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

export function formatUsd(value: number): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(value);
}

/** USD amounts are log-scaled in RANGE_PROPERTIES; scores are plain numbers; dates are ISO days. */
export function formatBound(property: RangeProperty, value: RangeBound): string {
  const { kind, scale } = RANGE_PROPERTIES[property];
  if (kind === 'date' || typeof value === 'string') return String(value);
  return scale === 'log' ? formatUsd(value) : value.toLocaleString('en-US');
}

/** One chip per active value, plus one per range. */
export function filterChips(state: FilterState, options?: FilterOptions): FilterChip[] {
  const n = normalizeFilters(state);
  const chips: FilterChip[] = [];
  for (const field of LIST_FIELDS) {
    for (const value of getValues(n, field)) {
      chips.push({
        kind: 'value',
        field,
        value,
        text: `${FIELD_TITLES[field]}: ${valueText(field, value, options)}`,
      });
    }
  }
  for (const property of RANGE_PROPERTY_NAMES) {
    const { min, max } = getRange(n, property);
    if (min === undefined && max === undefined) continue;
    const from = min !== undefined ? formatBound(property, min) : '…';
    const to = max !== undefined ? formatBound(property, max) : '…';
    chips.push({ kind: 'range', property, text: `${RANGE_TITLES[property]}: ${from} – ${to}` });
  }
  return chips;
}

export function removeChip(state: FilterState, chip: FilterChip): FilterState {
  if (chip.kind === 'range') return setRange(state, chip.property, undefined, undefined);
  const kept = getValues(state, chip.field).filter((v) => v !== chip.value);
  return normalizeFilters({ ...state, [chip.field]: kept });
}
