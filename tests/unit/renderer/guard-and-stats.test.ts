import { describe, expect, it } from 'vitest';
import type { StatsResponse } from '../../../src/shared/api';
import { suggestNarrowing } from '../../../src/renderer/src/graph/guard';
import {
  barsByLabel,
  barsByRegion,
  barsByRelationship,
} from '../../../src/renderer/src/graph/statistics';

const stats: StatsResponse = {
  total_nodes: 9000,
  total_relationships: 18000,
  nodes_by_label: { CONSULTANT: 150, FIELD_CONSULTANT: 750, COMPANY: 2500, PRODUCT: 5600 },
  relationships_by_type: { EMPLOYS: 750, COVERS: 3000, OWNS: 9000, RATES: 5250 },
  regions: [
    {
      region: 'NAI',
      nodes: 4000,
      nodes_by_label: { CONSULTANT: 70, FIELD_CONSULTANT: 330, COMPANY: 1100, PRODUCT: 2500 },
    },
    {
      region: 'EMEA',
      nodes: 3000,
      nodes_by_label: { CONSULTANT: 50, FIELD_CONSULTANT: 250, COMPANY: 800, PRODUCT: 1900 },
    },
    {
      region: 'APAC',
      nodes: 2000,
      nodes_by_label: { CONSULTANT: 30, FIELD_CONSULTANT: 170, COMPANY: 600, PRODUCT: 1200 },
    },
  ],
  database_size_bytes: null,
  last_generation: null,
};

describe('too-large guard', () => {
  it('suggests narrower filters, those known to fit first', () => {
    const s = suggestNarrowing({}, 'standard', stats, 2500);
    expect(s[0]).toMatchObject({
      text: 'Only region APAC',
      estimate: 2000,
      filters: { regions: ['APAC'] },
    });
    const types = s.find((x) => x.text.startsWith('Only Consultant'));
    expect(types?.estimate).toBe(150 + 750 + 2500);
    expect(s.every((x) => JSON.stringify(x.filters) !== '{}')).toBe(true);
  });

  it('does not suggest what the filter already narrows', () => {
    const s = suggestNarrowing(
      { regions: ['NAI'], node_types: ['COMPANY'], ratings: ['Positive'] },
      'standard',
      stats,
      100,
    );
    expect(s.some((x) => x.text.startsWith('Only region'))).toBe(false);
    expect(s.some((x) => x.filters.node_types?.length !== 1)).toBe(false);
    expect(s.some((x) => x.text === 'Only positive ratings')).toBe(false);
  });
});

describe('statistics charts', () => {
  it('has one bar per label, relationship type and region', () => {
    expect(barsByLabel(stats).map((b) => [b.key, b.value])).toContainEqual(['PRODUCT', 5600]);
    expect(barsByLabel(stats).find((b) => b.key === 'INCUMBENT_PRODUCT')?.value).toBe(0);
    expect(barsByRelationship(stats).map((b) => b.key)).toEqual([
      'EMPLOYS',
      'COVERS',
      'OWNS',
      'RATES',
      'BI_RECOMMENDS',
    ]);
    expect(barsByRegion(stats).map((b) => b.value)).toEqual([4000, 3000, 2000]);
  });
});
