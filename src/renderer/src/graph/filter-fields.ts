/** How each filter field is presented: its title, and how a value reads in a chip. */
import type { FilterOptions } from '@shared/api';
import {
  ENTITY_OPTION_KEYS,
  LIST_FIELDS,
  getValues,
  isEntityField,
  normalizeFilters,
} from './filters';
import type { FilterState, FilterValue, ListField } from './filters';

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

export type FilterChip =
  | { kind: 'value'; field: ListField; value: FilterValue; text: string }
  | { kind: 'range'; text: string };

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

/** One chip per active value, plus one for the assets range. */
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
  const min = n.fc_total_plan_assets_min;
  const max = n.fc_total_plan_assets_max;
  if (min !== undefined || max !== undefined) {
    const from = min !== undefined ? formatUsd(min) : '…';
    const to = max !== undefined ? formatUsd(max) : '…';
    chips.push({ kind: 'range', text: `FC plan assets: ${from} – ${to}` });
  }
  return chips;
}

export function removeChip(state: FilterState, chip: FilterChip): FilterState {
  if (chip.kind === 'range') {
    return normalizeFilters({
      ...state,
      fc_total_plan_assets_min: undefined,
      fc_total_plan_assets_max: undefined,
    });
  }
  const kept = getValues(state, chip.field).filter((v) => v !== chip.value);
  return normalizeFilters({ ...state, [chip.field]: kept });
}
