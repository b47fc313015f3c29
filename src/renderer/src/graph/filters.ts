/**
 * Filter state: the user's filter as plain serialisable data, with pure functions to edit it,
 * turn it into an API request, list it as chips and narrow it to the options that exist.
 */
import type { z } from 'zod';
import { FilterRequest, MODE_FILTER_FIELDS, RANGE_FILTERS } from '@shared/api';
import type { FilterInput, FilterOptions, GraphEstimateInput, RangeProperty } from '@shared/api';
import type { GraphMode } from '@shared/domain';

/** Every filter field except the request-level `mode`, `limit` and `totals`. */
export const FilterState = FilterRequest.omit({ mode: true, limit: true, totals: true });
export type FilterState = z.infer<typeof FilterState>;

export const LIST_FIELDS = [
  'regions',
  'node_types',
  'mandate_statuses',
  'ratings',
  'sales_regions',
  'channels',
  'asset_classes',
  'influence_levels',
  'privacy_levels',
  'jpm_flags',
  'opportunity_types',
  'consultant_ids',
  'field_consultant_ids',
  'company_ids',
  'product_ids',
  'incumbent_product_ids',
] as const satisfies readonly (keyof FilterState)[];
export type ListField = (typeof LIST_FIELDS)[number];
export type FilterValue = string | number;

/** Drops empty lists and unset bounds so equal filters have one representation. */
export function normalizeFilters(state: FilterState): FilterState {
  const out: Record<string, unknown> = {};
  for (const field of LIST_FIELDS) {
    const values = state[field];
    if (values && values.length > 0) out[field] = [...new Set<FilterValue>(values)];
  }
  for (const { min, max } of Object.values(RANGE_FILTERS)) {
    if (state[min] !== undefined) out[min] = state[min];
    if (state[max] !== undefined) out[max] = state[max];
  }
  return FilterState.parse(out);
}

export function getValues(state: FilterState, field: ListField): readonly FilterValue[] {
  return state[field] ?? [];
}

export function setValues(
  state: FilterState,
  field: ListField,
  values: readonly FilterValue[],
): FilterState {
  return normalizeFilters({ ...state, [field]: [...values] });
}

export function toggleValue(state: FilterState, field: ListField, value: FilterValue): FilterState {
  const current = getValues(state, field);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return setValues(state, field, next);
}

/** A range bound: a number, or an ISO day for a date property. */
export type RangeBound = number | string;

export function getRange(
  state: FilterState,
  property: RangeProperty,
): { min: RangeBound | undefined; max: RangeBound | undefined } {
  const { min, max } = RANGE_FILTERS[property];
  return { min: state[min], max: state[max] };
}

export function setRange(
  state: FilterState,
  property: RangeProperty,
  min: RangeBound | undefined,
  max: RangeBound | undefined,
): FilterState {
  const fields = RANGE_FILTERS[property];
  return normalizeFilters({ ...state, [fields.min]: min, [fields.max]: max });
}

export function isEmptyFilter(state: FilterState): boolean {
  return Object.keys(normalizeFilters(state)).length === 0;
}

/** The single region a filter selects when it selects nothing else (null otherwise). */
export function regionOnly(state: FilterState): string | null {
  const n = normalizeFilters(state);
  const keys = Object.keys(n);
  return keys.length === 1 && n.regions?.length === 1 ? (n.regions[0] ?? null) : null;
}

/** Whether a filter field restricts anything in a mode (node types always do). */
function fieldApplies(field: keyof FilterState, mode: GraphMode): boolean {
  if (field === 'node_types') return true;
  const fields: readonly string[] = MODE_FILTER_FIELDS[mode];
  return fields.includes(field);
}

/** Why a field is off in a mode (it names nothing there), or null when it applies. */
export function whyFieldOff(field: keyof FilterState, mode: GraphMode): string | null {
  if (fieldApplies(field, mode)) return null;
  return `Does not apply in ${mode} mode`;
}

/** The filter as far as it applies in a mode: the fields that do not are left out. */
export function applicableFilters(state: FilterState, mode: GraphMode): FilterState {
  const n = normalizeFilters(state);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(n)) {
    if (fieldApplies(FilterState.keyof().parse(field), mode)) out[field] = value;
  }
  return FilterState.parse(out);
}

/** The request for a filter in a mode; fields that do not apply in the mode are never sent. */
export function toFilterRequest(state: FilterState, mode: GraphMode, limit?: number): FilterInput {
  return { ...applicableFilters(state, mode), mode, ...(limit ? { limit } : {}) };
}

/**
 * The view `load` fetches for a filter in a mode: the region graph for exactly one region and
 * nothing else, the filter endpoint otherwise; as the estimate request that counts that view.
 */
export function viewOf(state: FilterState, mode: GraphMode): GraphEstimateInput {
  const filters = applicableFilters(state, mode);
  const region = regionOnly(filters);
  return region
    ? { view: 'region', region, mode }
    : { view: 'filter', filter: toFilterRequest(filters, mode) };
}

export function filtersEqual(a: FilterState, b: FilterState): boolean {
  return JSON.stringify(normalizeFilters(a)) === JSON.stringify(normalizeFilters(b));
}

/** Entity-list fields and the option list that holds their `{id, name}` choices. */
export const ENTITY_OPTION_KEYS = {
  consultant_ids: 'consultants',
  field_consultant_ids: 'field_consultants',
  company_ids: 'companies',
  product_ids: 'products',
  incumbent_product_ids: 'incumbent_products',
} as const satisfies Partial<Record<ListField, keyof FilterOptions>>;

export type EntityField = keyof typeof ENTITY_OPTION_KEYS;
export type ValueField = Exclude<ListField, EntityField>;

export function isEntityField(field: ListField): field is EntityField {
  return field in ENTITY_OPTION_KEYS;
}

/** The values an option list offers for a field, as strings or numbers. */
function optionValues(options: FilterOptions, field: ListField): FilterValue[] {
  if (isEntityField(field)) return options[ENTITY_OPTION_KEYS[field]].map((o) => o.id);
  return [...options[field]];
}

/**
 * Cascading: drops selected values that the narrowed options no longer offer. Entity lists cut
 * at their cap are left alone, since a missing id may simply be past the cap.
 */
export function pruneToOptions(state: FilterState, options: FilterOptions): FilterState {
  let next = state;
  for (const field of LIST_FIELDS) {
    const selected = getValues(state, field);
    if (selected.length === 0) continue;
    if (options.truncated && isEntityField(field)) continue;
    const allowed = new Set(optionValues(options, field));
    const kept = selected.filter((v) => allowed.has(v));
    if (kept.length !== selected.length) next = setValues(next, field, kept);
  }
  return next;
}
