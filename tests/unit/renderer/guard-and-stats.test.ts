import { describe, expect, it } from 'vitest';
import type { StatsResponse } from '../../../src/shared/api';
import { viewOf } from '../../../src/renderer/src/graph/filters';
import {
  capGraphData,
  orderSuggestions,
  suggestNarrowing,
} from '../../../src/renderer/src/graph/guard';
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
  it('suggests narrower filters, the smallest regions first', () => {
    const s = suggestNarrowing({}, 'standard', stats);
    expect(s.slice(0, 3).map((x) => x.filters.regions)).toEqual([['APAC'], ['EMEA'], ['NAI']]);
    expect(s.find((x) => x.text.startsWith('Only Consultant'))?.filters.node_types).toEqual([
      'CONSULTANT',
      'FIELD_CONSULTANT',
      'COMPANY',
    ]);
    expect(s.every((x) => JSON.stringify(x.filters) !== '{}')).toBe(true);
  });

  it('puts the suggestions whose counted view fits first, the others in their order', () => {
    const s = suggestNarrowing({}, 'standard', stats);
    const estimates = new Map([
      ['Only region APAC', 2_600],
      ['Only region NAI', 1_900],
      ['Only influence level 4', 800],
    ]);
    const ordered = orderSuggestions(s, estimates, 2_500).map((x) => x.text);
    expect(ordered.slice(0, 2)).toEqual(['Only region NAI', 'Only influence level 4']);
    expect(ordered.slice(2)).toEqual(
      s.map((x) => x.text).filter((t) => !ordered.slice(0, 2).includes(t)),
    );
  });

  it('does not suggest what the filter already narrows', () => {
    const s = suggestNarrowing(
      { regions: ['NAI'], node_types: ['COMPANY'], ratings: ['Positive'] },
      'standard',
      stats,
    );
    expect(s.some((x) => x.text.startsWith('Only region'))).toBe(false);
    expect(s.some((x) => x.filters.node_types?.length !== 1)).toBe(false);
    expect(s.some((x) => x.text === 'Only positive ratings')).toBe(false);
  });

  it('counts each suggestion with the view the explorer would load for it', () => {
    expect(viewOf({ regions: ['NAI'] }, 'recommendations')).toEqual({
      view: 'region',
      region: 'NAI',
      mode: 'recommendations',
    });
    // Fields that do not apply in the mode are left out, as the explorer leaves them out.
    expect(viewOf({ regions: ['NAI'], ratings: ['Positive'] }, 'recommendations')).toEqual({
      view: 'region',
      region: 'NAI',
      mode: 'recommendations',
    });
    expect(viewOf({ regions: ['NAI'], node_types: ['COMPANY'] }, 'standard')).toEqual({
      view: 'filter',
      filter: { regions: ['NAI'], node_types: ['COMPANY'], mode: 'standard' },
    });
  });
});

describe('query results through the guard', () => {
  const node = (key: string) => ({
    key,
    id: key,
    label: 'COMPANY' as const,
    name: key,
    region: 'NAI',
    properties: {},
  });
  const rel = (key: string, source: string, target: string) => ({
    key,
    type: 'OWNS' as const,
    source,
    target,
    properties: {},
  });
  const data = {
    nodes: ['a', 'b', 'c', 'd'].map(node),
    relationships: [rel('ab', 'a', 'b'), rel('bc', 'b', 'c'), rel('da', 'd', 'a')],
  };

  it('keeps a result within the limit whole', () => {
    expect(capGraphData(data, 4)).toBe(data);
  });

  it('keeps the first nodes over the limit, and the relationships among them', () => {
    const capped = capGraphData(data, 2);
    expect(capped.nodes.map((n) => n.key)).toEqual(['a', 'b']);
    expect(capped.relationships.map((r) => r.key)).toEqual(['ab']);
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
