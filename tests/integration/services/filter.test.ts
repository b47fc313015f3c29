/**
 * Filter semantics on the hand-built network of tests/fixtures/filter-graph.ts; each expected
 * result is worked out from the path table there.
 */
import { describe, expect, it } from 'vitest';
import { FilterRequest, type FilterInput, type GraphResponse } from '../../../src/shared/api';
import { filterOperations } from '../../../src/main/services/graph/filter';
import type { FixtureIds } from '../../fixtures/filter-graph';
import { useFilterGraph } from './deps';

let service: ReturnType<typeof filterOperations>;
let ids: FixtureIds;
let A: string;
let B: string;

useFilterGraph((fixture) => {
  ({ ids, A, B } = fixture);
  service = filterOperations(fixture.deps);
});

/** Short fixture names (C1, F2, …) of the returned nodes, sorted. */
function names(response: GraphResponse): string[] {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return response.nodes.map((n) => byId.get(n.id) ?? n.id).sort();
}

/** Relationships as "FROM-TYPE-TO" in fixture names, sorted. */
function edges(response: GraphResponse): string[] {
  const byKey = new Map(
    response.nodes.map((n) => [n.key, Object.entries(ids).find(([, id]) => id === n.id)?.[0]]),
  );
  return response.relationships
    .map((r) => `${byKey.get(r.source)}-${r.type}-${byKey.get(r.target)}`)
    .sort();
}

const run = (input: FilterInput) => service.filterGraph(FilterRequest.parse(input));

describe('graph filter', () => {
  it("answers the seed README's example: consultants and products of active, positively rated paths", async () => {
    // Paths 1 (Active, C1→P1 Positive) and 4 (Active, C2→P1 Positive) match; 2 is At Risk,
    // 3 is unrated, 5 is Conversion in Progress. Of their nodes only consultants and products
    // are returned, and of their relationships only the ratings join two returned nodes.
    const result = await run({
      regions: [A],
      node_types: ['CONSULTANT', 'PRODUCT'],
      mandate_statuses: ['Active'],
      ratings: ['Positive'],
    });
    expect(names(result)).toEqual(['C1', 'C2', 'P1']);
    expect(edges(result)).toEqual(['C1-RATES-P1', 'C2-RATES-P1']);
    expect(result.totals).toEqual({ nodes: 3, relationships: 2 });
    expect(result.truncated).toBe(false);
    expect(result.mode).toBe('standard');
  });

  it('ORs the values of one field', async () => {
    // Active or At Risk in A: paths 1, 2, 3, 4 (path 5 is Conversion in Progress).
    const result = await run({ regions: [A], mandate_statuses: ['Active', 'At Risk'] });
    expect(names(result)).toEqual(
      ['C1', 'C2', 'F1', 'F2', 'F3', 'CO1', 'CO2', 'CO3', 'P1', 'P2', 'P3'].sort(),
    );
    // Their relationships, with the ratings that lie on them (C1→P1, C1→P2, C2→P1), but not
    // C2→P3 (no path joins C2 and P3) nor the direct coverage C1→CO4 (path 5).
    expect(edges(result)).toEqual(
      [
        'C1-EMPLOYS-F1',
        'C1-EMPLOYS-F2',
        'C2-EMPLOYS-F3',
        'F1-COVERS-CO1',
        'F2-COVERS-CO2',
        'F3-COVERS-CO3',
        'CO1-OWNS-P1',
        'CO1-OWNS-P2',
        'CO2-OWNS-P3',
        'CO3-OWNS-P1',
        'C1-RATES-P1',
        'C1-RATES-P2',
        'C2-RATES-P1',
      ].sort(),
    );
  });

  it('ANDs fields, across the regions given', async () => {
    // Active and influence 4: path 1 in A and path 6 in B (path 2 is At Risk).
    const result = await run({
      regions: [A, B],
      mandate_statuses: ['Active'],
      influence_levels: [4],
    });
    expect(names(result)).toEqual(['C1', 'C3', 'CO1', 'CO5', 'F1', 'P1', 'P4']);
    expect(edges(result)).toEqual(
      [
        'C1-EMPLOYS-F1',
        'F1-COVERS-CO1',
        'CO1-OWNS-P1',
        'C1-RATES-P1',
        'C3-COVERS-CO5',
        'CO5-OWNS-P4',
        'C3-RATES-P4',
      ].sort(),
    );
  });

  it('lets unrated paths fail a ratings filter', async () => {
    // Any rating: paths 1, 2, 4, 5 — path 3 (C1 → F2 → CO2 → P3) has none, so CO2 is missing.
    const result = await run({
      regions: [A],
      ratings: ['Positive', 'Negative', 'Neutral', 'Introduced'],
      node_types: ['COMPANY'],
    });
    expect(names(result)).toEqual(['CO1', 'CO3', 'CO4']);
    expect(result.relationships).toEqual([]);
  });

  it('restricts the output to node_types, keeping relationships between returned nodes', async () => {
    // Every path in A; field consultants and companies, joined by the field consultants' COVERS.
    const result = await run({ regions: [A], node_types: ['FIELD_CONSULTANT', 'COMPANY'] });
    expect(names(result)).toEqual(['CO1', 'CO2', 'CO3', 'CO4', 'F1', 'F2', 'F3']);
    expect(edges(result)).toEqual(['F1-COVERS-CO1', 'F2-COVERS-CO2', 'F3-COVERS-CO3']);
  });

  it('matches direct coverage paths', async () => {
    // Influence 1 is only on C1's direct coverage of CO4 (path 5).
    const result = await run({ regions: [A, B], influence_levels: [1] });
    expect(names(result)).toEqual(['C1', 'CO4', 'P2']);
    expect(edges(result)).toEqual(['C1-COVERS-CO4', 'C1-RATES-P2', 'CO4-OWNS-P2']);
  });

  it('rules direct coverage out when a filter needs a field consultant', async () => {
    // F1's paths 1 and 2; path 5 (C1 direct to CO4) has no field consultant.
    const byId = await run({ field_consultant_ids: [ids.F1] });
    expect(names(byId)).toEqual(['C1', 'CO1', 'F1', 'P1', 'P2']);
    // Plan assets 200..400: F3 (300) only, so path 4.
    const byAssets = await run({
      regions: [A],
      fc_total_plan_assets_min: 200,
      fc_total_plan_assets_max: 400,
    });
    expect(names(byAssets)).toEqual(['C2', 'CO3', 'F3', 'P1']);
    expect(edges(byAssets)).toEqual(
      ['C2-EMPLOYS-F3', 'F3-COVERS-CO3', 'CO3-OWNS-P1', 'C2-RATES-P1'].sort(),
    );
  });

  it('applies every other field to its element', async () => {
    const cases: [FilterInput, string[]][] = [
      // Consultant, field consultant and company all East: paths 1, 2, 3, 5 (C2, F3, CO3 are West).
      [
        { regions: [A], sales_regions: ['East'] },
        ['C1', 'CO1', 'CO2', 'CO4', 'F1', 'F2', 'P1', 'P2', 'P3'],
      ],
      // All three Partner: path 4 only (C1 is Direct).
      [{ regions: [A, B], channels: ['Partner'] }, ['C2', 'CO3', 'F3', 'P1']],
      // CO2 is the Private company: path 3.
      [{ regions: [A, B], privacy_levels: ['Private'] }, ['C1', 'CO2', 'F2', 'P3']],
      // P2 is the Fixed Income product: paths 2 and 5.
      [{ regions: [A, B], asset_classes: ['Fixed Income'] }, ['C1', 'CO1', 'CO4', 'F1', 'P2']],
      // P1 (A) and P4 (B) carry Y; in A only P1: paths 1 and 4.
      [{ regions: [A], jpm_flags: ['Y'] }, ['C1', 'C2', 'CO1', 'CO3', 'F1', 'F3', 'P1']],
      [{ consultant_ids: [ids.C2] }, ['C2', 'CO3', 'F3', 'P1']],
      [{ company_ids: [ids.CO4] }, ['C1', 'CO4', 'P2']],
      [{ product_ids: [ids.P3] }, ['C1', 'CO2', 'F2', 'P3']],
      // Region B alone: path 6.
      [{ regions: [B] }, ['C3', 'CO5', 'P4']],
    ];
    for (const [filter, expected] of cases)
      expect(names(await run(filter)), JSON.stringify(filter)).toEqual(expected);
  });

  it('caps whole neighbourhoods first and reports totals', async () => {
    // Cap order: C1's block (C1; F1, F2; CO1, CO2, CO4; P1, P2, P3), then C2's (C2; F3; CO3).
    const all = await run({ regions: [A] });
    // Relationships of A's paths: 3 EMPLOYS, 4 COVERS, 5 OWNS and the ratings C1→P1, C1→P2, C2→P1.
    expect(all.totals).toEqual({ nodes: 12, relationships: 15 });
    const capped = await run({ regions: [A], limit: 4 });
    expect(names(capped)).toEqual(['C1', 'CO1', 'F1', 'F2']);
    expect(edges(capped)).toEqual(['C1-EMPLOYS-F1', 'C1-EMPLOYS-F2', 'F1-COVERS-CO1']);
    expect(capped.totals).toEqual({ nodes: 12, relationships: 15 });
    expect(capped.truncated).toBe(true);
    expect(capped.limit).toBe(4);
  });

  it('follows company → incumbent → recommended product in recommendations mode', async () => {
    const all = await run({ mode: 'recommendations', regions: [A] });
    expect(names(all)).toEqual(['CO1', 'CO2', 'I1', 'I2', 'P1', 'P2', 'P3']);
    expect(edges(all)).toEqual(
      [
        'CO1-OWNS-I1',
        'CO2-OWNS-I2',
        'I1-BI_RECOMMENDS-P1',
        'I1-BI_RECOMMENDS-P3',
        'I2-BI_RECOMMENDS-P2',
      ].sort(),
    );
    // Growth or Income: CO1 → I1 → P1 and CO2 → I2 → P2.
    const typed = await run({
      mode: 'recommendations',
      regions: [A],
      opportunity_types: ['Growth', 'Income'],
    });
    expect(names(typed)).toEqual(['CO1', 'CO2', 'I1', 'I2', 'P1', 'P2']);
    // Equities applies to incumbent and product: I1 (Equities) → P1, P3; I2 is Fixed Income.
    const equities = await run({
      mode: 'recommendations',
      regions: [A],
      asset_classes: ['Equities'],
    });
    expect(names(equities)).toEqual(['CO1', 'I1', 'P1', 'P3']);
    // At Risk is CO2's mandate of I2.
    const atRisk = await run({
      mode: 'recommendations',
      regions: [A],
      mandate_statuses: ['At Risk'],
    });
    expect(names(atRisk)).toEqual(['CO2', 'I2', 'P2']);
  });

  it('refuses fields that do not apply in the mode, naming them', async () => {
    await expect(run({ mode: 'recommendations', ratings: ['Positive'] })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'ratings' }],
    });
    await expect(run({ opportunity_types: ['Growth'] })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'opportunity_types' }],
    });
    await expect(
      run({ fc_total_plan_assets_min: 5, fc_total_plan_assets_max: 1 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('treats an absent or null field as no filter on it, and refuses an empty list', async () => {
    expect(names(await run({ regions: [B] }))).toEqual(['C3', 'CO5', 'P4']);
    expect(names(await run({ regions: [B], ratings: null }))).toEqual(['C3', 'CO5', 'P4']);
    // An empty list selects nothing; read as "no filter" it would widen the answer.
    expect(() => FilterRequest.parse({ regions: [B], ratings: [] })).toThrow(/ratings/);
  });
});
