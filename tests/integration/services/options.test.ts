/** Filter options from the hand-built network of tests/fixtures/filter-graph.ts. */
import { describe, expect, it } from 'vitest';
import { FilterRequest, type FilterInput } from '../../../src/shared/api';
import { createFilterOptionsService } from '../../../src/main/services/options';
import type { FixtureIds } from '../../fixtures/filter-graph';
import { useFilterGraph } from './deps';

let service: ReturnType<typeof createFilterOptionsService>;
let ids: FixtureIds;
let A: string;
let B: string;

useFilterGraph((fixture) => {
  ({ ids, A, B } = fixture);
  service = createFilterOptionsService(fixture.deps);
});

const cascading = (input: FilterInput) =>
  service.getCascadingFilterOptions(FilterRequest.parse(input));

describe('filter options', () => {
  it("lists every value of one region's data, in the domain's order", async () => {
    const options = await service.getFilterOptions({ region: A });
    expect(options).toMatchObject({
      regions: [A],
      node_types: ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY', 'PRODUCT', 'INCUMBENT_PRODUCT'],
      sales_regions: ['East', 'West'],
      channels: ['Direct', 'Partner'],
      asset_classes: ['Equities', 'Fixed Income', 'Commodities'],
      mandate_statuses: ['Active', 'At Risk', 'Conversion in Progress'],
      ratings: ['Positive', 'Negative', 'Neutral'],
      influence_levels: [1, 2, 3, 4],
      privacy_levels: ['Public', 'Private', 'Confidential'],
      jpm_flags: ['Y', 'N'],
      opportunity_types: ['Growth', 'Value', 'Income'],
      fc_total_plan_assets: { min: 100, max: 500 },
      truncated: false,
    });
    // Entity lists by name.
    expect(options.consultants).toEqual([
      { id: ids.C1, name: 'Alice Anders' },
      { id: ids.C2, name: 'Bruno Berg' },
    ]);
    expect(options.products.map((p) => p.name)).toEqual([
      'Core Bond',
      'Global Equity',
      'Gold Fund',
      'Value Equity',
    ]);
    expect(options.incumbent_products.map((p) => p.id)).toEqual([ids.I2, ids.I1]);
  });

  it('lists all regions without a scope', async () => {
    const options = await service.getFilterOptions({});
    expect(options.regions).toEqual(expect.arrayContaining([A, B]));
    expect(options.consultants.map((c) => c.id)).toEqual(
      expect.arrayContaining([ids.C1, ids.C2, ids.C3]),
    );
  });

  it('narrows options to what the current filter reaches', async () => {
    // Active in A: paths 1, 3 and 4 (C1→F1→CO1→P1, C1→F2→CO2→P3, C2→F3→CO3→P1).
    const options = await cascading({ regions: [A], mandate_statuses: ['Active'] });
    expect(options.consultants.map((c) => c.id)).toEqual([ids.C1, ids.C2]);
    expect(options.companies.map((c) => c.id)).toEqual([ids.CO1, ids.CO2, ids.CO3]);
    expect(options.products.map((p) => p.id)).toEqual([ids.P1, ids.P3]);
    expect(options.influence_levels).toEqual([2, 3, 4]);
    // Of those paths only 1 and 4 are rated, both Positive.
    expect(options.ratings).toEqual(['Positive']);
    expect(options.fc_total_plan_assets).toEqual({ min: 100, max: 500 });
    // A field's own options ignore its selection, so other values stay selectable: every
    // status on A's paths (1–5).
    expect(options.mandate_statuses).toEqual(['Active', 'At Risk', 'Conversion in Progress']);
    // Likewise regions: Active paths exist in A and B (and maybe in other data of the database).
    expect(options.regions).toEqual(expect.arrayContaining([A, B]));
    expect(options.incumbent_products).toEqual([]);
  });

  it('narrows recommendations options', async () => {
    // Growth: CO1 → I1 → P1 only.
    const options = await cascading({
      mode: 'recommendations',
      regions: [A],
      opportunity_types: ['Growth'],
    });
    expect(options.companies.map((c) => c.id)).toEqual([ids.CO1]);
    expect(options.incumbent_products.map((c) => c.id)).toEqual([ids.I1]);
    expect(options.products.map((c) => c.id)).toEqual([ids.P1]);
    // Without its own selection the field offers every opportunity type of A.
    expect(options.opportunity_types).toEqual(['Growth', 'Value', 'Income']);
    expect(options.consultants).toEqual([]);
  });

  it('refuses a filter field that the mode has no element for', async () => {
    await expect(
      cascading({ mode: 'recommendations', consultant_ids: [ids.C1] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'consultant_ids' }] });
  });
});
