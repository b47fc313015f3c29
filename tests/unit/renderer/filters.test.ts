import { describe, expect, it } from 'vitest';
import type { FilterOptions } from '../../../src/shared/api';
import { filterChips, removeChip } from '../../../src/renderer/src/graph/filter-fields';
import {
  FilterState,
  filtersEqual,
  isEmptyFilter,
  normalizeFilters,
  pruneToOptions,
  regionOnly,
  getRange,
  setRange,
  toFilterRequest,
  toggleValue,
} from '../../../src/renderer/src/graph/filters';
import { FilterRequest } from '../../../src/shared/api';

const SEED_EXAMPLE = {
  regions: ['NAI'],
  node_types: ['CONSULTANT', 'PRODUCT'],
  mandate_statuses: ['Active'],
  ratings: ['Positive'],
} satisfies FilterState;

const options: FilterOptions = {
  regions: ['NAI', 'EMEA'],
  node_types: ['CONSULTANT', 'PRODUCT'],
  sales_regions: ['East'],
  channels: ['Direct'],
  asset_classes: ['Equities'],
  mandate_statuses: ['Active'],
  ratings: ['Positive', 'Negative'],
  influence_levels: [1, 2, 3, 4],
  privacy_levels: ['Public'],
  jpm_flags: ['Y', 'N'],
  opportunity_types: ['Growth'],
  consultants: [{ id: 'C1', name: 'Ada Lovelace' }],
  field_consultants: [],
  companies: [],
  products: [],
  incumbent_products: [],
  fc_total_plan_assets: { min: 0, max: 1e9 },
  truncated: false,
};

describe('filter state', () => {
  it('turns the seed example into a valid API request with the mode', () => {
    const request = toFilterRequest(SEED_EXAMPLE, 'standard');
    expect(FilterRequest.parse(request)).toEqual({ ...SEED_EXAMPLE, mode: 'standard' });
  });

  it('toggles values on and off and drops emptied fields', () => {
    const on = toggleValue({}, 'ratings', 'Positive');
    expect(on).toEqual({ ratings: ['Positive'] });
    expect(toggleValue(on, 'ratings', 'Positive')).toEqual({});
    expect(toggleValue(on, 'influence_levels', 4)).toEqual({
      ratings: ['Positive'],
      influence_levels: [4],
    });
  });

  it('normalises so equal filters compare equal and round-trip through JSON', () => {
    const a = normalizeFilters({ regions: ['NAI', 'NAI'], ratings: [] });
    expect(a).toEqual({ regions: ['NAI'] });
    expect(filtersEqual(a, { regions: ['NAI'], channels: [] })).toBe(true);
    expect(FilterState.parse(JSON.parse(JSON.stringify(SEED_EXAMPLE)))).toEqual(SEED_EXAMPLE);
    expect(isEmptyFilter({ ratings: [] })).toBe(true);
  });

  it('knows when a filter selects a single region and nothing else', () => {
    expect(regionOnly({ regions: ['EMEA'] })).toBe('EMEA');
    expect(regionOnly({ regions: ['EMEA', 'NAI'] })).toBeNull();
    expect(regionOnly(SEED_EXAMPLE)).toBeNull();
  });

  it('keeps a range only when set', () => {
    const s = setRange({}, 'fc_total_plan_assets', 1000, undefined);
    expect(s).toEqual({ fc_total_plan_assets_min: 1000 });
    expect(setRange(s, 'fc_total_plan_assets', undefined, undefined)).toEqual({});
    const dates = setRange(s, 'rates_date', '2024-01-01', '2024-03-31');
    expect(getRange(dates, 'rates_date')).toEqual({ min: '2024-01-01', max: '2024-03-31' });
    expect(normalizeFilters(dates)).toEqual(dates);
  });

  it('prunes values the narrowed options no longer offer (cascading)', () => {
    const s = {
      ratings: ['Positive', 'Neutral'],
      consultant_ids: ['C1', 'C9'],
    } satisfies FilterState;
    expect(pruneToOptions(s, options)).toEqual({ ratings: ['Positive'], consultant_ids: ['C1'] });
    // A capped entity list proves nothing about a missing id.
    expect(pruneToOptions(s, { ...options, truncated: true }).consultant_ids).toEqual(['C1', 'C9']);
  });

  it('lists chips with entity names and removes them one by one', () => {
    const s = {
      ...SEED_EXAMPLE,
      consultant_ids: ['C1'],
      fc_total_plan_assets_max: 2e6,
      performance_min: 50,
      rates_date_min: '2024-01-01',
      rates_date_max: '2024-06-30',
    };
    const chips = filterChips(s, options);
    expect(chips.map((c) => c.text)).toEqual([
      'Region: NAI',
      'Node type: Consultant',
      'Node type: Product',
      'Mandate status: Active',
      'Rating: Positive',
      'Consultant: Ada Lovelace',
      'Performance: 50 – …',
      'FC plan assets: … – $2M',
      'Rating date: 2024-01-01 – 2024-06-30',
    ]);
    const [, second] = chips;
    if (!second) throw new Error('expected chips');
    expect(removeChip(s, second).node_types).toEqual(['PRODUCT']);
    const last = chips[chips.length - 1];
    if (!last) throw new Error('expected chips');
    const cleared = removeChip(s, last);
    expect(cleared.rates_date_min).toBeUndefined();
    expect(cleared.rates_date_max).toBeUndefined();
    expect(cleared.fc_total_plan_assets_max).toBe(2e6);
  });
});
