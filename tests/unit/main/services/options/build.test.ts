import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { buildFilterOptions } from '../../../../../src/main/services/options/build';

describe('filter options from rows', () => {
  const row = {
    consultants: [
      { id: 'C2', name: 'Zed', region: 'NAI', sales_region: 'West', channel: 'Partner' },
      { id: 'C1', name: 'Ann', region: 'EMEA', sales_region: 'Europe', channel: 'Direct' },
      { id: 'C3', name: 'Bob', region: 'NAI', sales_region: 'Mars', channel: 'Direct' },
    ],
    field_consultants: [
      { id: 'F1', name: 'F', region: 'NAI', fc_total_plan_assets: 2.5 },
      { id: 'F2', name: 'G', region: 'NAI', fc_total_plan_assets: neo4j.int(10) },
    ],
    companies: [],
    products: [
      { id: 'P1', name: 'Bond', region: 'NAI', asset_class: 'Fixed Income', jpm_flag: 'N' },
    ],
    incumbent_products: [],
    influence_levels: [neo4j.int(3), neo4j.int(1)],
    mandate_statuses: ['At Risk', 'Active'],
    ratings: [],
    opportunity_types: [],
  };

  it('sorts values in the domain order, unknown values last', () => {
    const options = buildFilterOptions(row);
    expect(options.sales_regions).toEqual(['West', 'Europe', 'Mars']);
    expect(options.channels).toEqual(['Direct', 'Partner']);
    expect(options.mandate_statuses).toEqual(['Active', 'At Risk']);
    expect(options.influence_levels).toEqual([1, 3]);
    expect(options.regions).toEqual(['EMEA', 'NAI']);
    expect(options.node_types).toEqual(['CONSULTANT', 'FIELD_CONSULTANT', 'PRODUCT']);
    expect(options.fc_total_plan_assets).toEqual({ min: 2.5, max: 10 });
    expect(options.asset_classes).toEqual(['Fixed Income']);
  });

  it('sorts entities by name and caps them, saying so', () => {
    const full = buildFilterOptions(row);
    expect(full.consultants.map((c) => c.name)).toEqual(['Ann', 'Bob', 'Zed']);
    expect(full.truncated).toBe(false);
    const capped = buildFilterOptions(row, 2);
    expect(capped.consultants).toEqual([
      { id: 'C1', name: 'Ann' },
      { id: 'C3', name: 'Bob' },
    ]);
    expect(capped.truncated).toBe(true);
  });

  it('answers empty data with empty lists and an open range', () => {
    const options = buildFilterOptions({});
    expect(options.consultants).toEqual([]);
    expect(options.node_types).toEqual([]);
    expect(options.fc_total_plan_assets).toEqual({ min: null, max: null });
  });
});
