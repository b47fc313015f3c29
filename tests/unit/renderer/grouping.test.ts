import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE, MAX_NODE_SIZE } from '../../../src/renderer/src/graph/appearance';
import { deriveDataset } from '../../../src/renderer/src/graph/exploration';
import {
  NO_GROUPING,
  canCollapse,
  describeCounts,
  groupBy,
  groupDataset,
  subtreeGroupKey,
  subtreeOf,
  toggleCollapsed,
} from '../../../src/renderer/src/graph/grouping';
import { deriveVisual } from '../../../src/renderer/src/graph/visual';
import { node, rel } from './fixtures';

// C1 employs F1 and F2; F1 covers CO1 and CO2, F2 covers CO2; C1 covers CO3 directly; the
// companies own P1 (and CO3 owns P2); C1 rates P1. C2 is another consultant covering CO2.
const c1 = node('CONSULTANT', 'C1', { sales_region: 'East', channel: 'Direct' });
const c2 = node('CONSULTANT', 'C2', { sales_region: 'West', channel: 'Direct' });
const f1 = node('FIELD_CONSULTANT', 'F1', { sales_region: 'East' });
const f2 = node('FIELD_CONSULTANT', 'F2', { sales_region: 'West' });
const co1 = node('COMPANY', 'CO1', { sales_region: 'East' });
const co2 = node('COMPANY', 'CO2', { sales_region: 'East' });
const co3 = node('COMPANY', 'CO3', { sales_region: 'West' });
const p1 = node('PRODUCT', 'P1', { asset_class: 'Equity' });
const p2 = node('PRODUCT', 'P2', { asset_class: 'Equity' });

const dataset = deriveDataset({
  base: {
    nodes: [c1, c2, f1, f2, co1, co2, co3, p1, p2],
    relationships: [
      rel('e1', 'EMPLOYS', c1, f1),
      rel('e2', 'EMPLOYS', c1, f2),
      rel('v1', 'COVERS', f1, co1),
      rel('v2', 'COVERS', f1, co2),
      rel('v3', 'COVERS', f2, co2),
      rel('v4', 'COVERS', c1, co3),
      rel('v5', 'COVERS', c2, co2),
      rel('o1', 'OWNS', co1, p1),
      rel('o2', 'OWNS', co2, p1),
      rel('o3', 'OWNS', co3, p2),
      rel('r1', 'RATES', c1, p1),
    ],
  },
  expansions: [],
});

describe('subtrees', () => {
  it('follow EMPLOYS and COVERS downwards from the root, never OWNS or RATES', () => {
    expect(new Set(subtreeOf(dataset, c1.key))).toEqual(
      new Set([c1, f1, f2, co1, co2, co3].map((n) => n.key)),
    );
    expect(subtreeOf(dataset, f2.key)).toEqual([f2.key, co2.key]);
    expect(canCollapse(dataset, co1.key)).toBe(false);
    expect(canCollapse(dataset, 'COMPANY:missing')).toBe(false);
  });
});

describe('collapsing a subtree', () => {
  const collapsed = toggleCollapsed(NO_GROUPING, c1.key);
  const grouped = groupDataset(dataset, collapsed);
  const key = subtreeGroupKey(c1.key);

  it('replaces the members by one group node that counts them', () => {
    const group = grouped.groups.get(key);
    expect(group?.members).toHaveLength(6);
    expect(group?.counts).toEqual({ CONSULTANT: 1, FIELD_CONSULTANT: 2, COMPANY: 3 });
    expect(describeCounts(group?.counts ?? {})).toBe(
      '1 consultant, 2 field consultants, 3 companies',
    );
    expect([...grouped.nodes.keys()].sort()).toEqual([key, c2.key, p1.key, p2.key].sort());
    expect(grouped.nodes.get(key)).toMatchObject({ label: 'CONSULTANT', name: `${c1.name} +5` });
  });

  it('carries the members’ relationships, one per type and other end, with their number', () => {
    const edges = [...grouped.edges.values()];
    // Inside relationships vanish; each outside end is reached once per type.
    const toP1 = edges.filter((e) => e.source === key && e.target === p1.key);
    expect(toP1.map((e) => [e.type, e.properties.relationships]).sort()).toEqual([
      ['OWNS', 2],
      ['RATES', 1],
    ]);
    expect(edges.find((e) => e.source === c2.key)).toMatchObject({
      target: key,
      type: 'COVERS',
      properties: { relationships: 1 },
    });
    expect(edges).toHaveLength(4);
    // Every relationship joins two drawn nodes.
    for (const e of edges) {
      expect(grouped.nodes.has(e.source) && grouped.nodes.has(e.target)).toBe(true);
    }
  });

  it('expands back to exactly the dataset it came from', () => {
    const group = grouped.groups.get(key);
    const back = groupDataset(dataset, toggleCollapsed(collapsed, key, group));
    expect(back.groups.size).toBe(0);
    expect(back.nodes).toEqual(dataset.nodes);
    expect(back.edges).toEqual(dataset.edges);
  });

  it('gives a node shared by two collapsed subtrees to the first one', () => {
    const both = toggleCollapsed(collapsed, c2.key);
    const g = groupDataset(dataset, both);
    // C2's only child CO2 is already in C1's group: C2 has nothing left to gather.
    expect(g.groups.has(subtreeGroupKey(c2.key))).toBe(false);
    expect(g.nodes.has(c2.key)).toBe(true);
  });
});

describe('grouping by a property', () => {
  it('gathers the nodes of each value into one group with its count', () => {
    const g = groupDataset(dataset, groupBy(NO_GROUPING, 'sales_region'));
    const titles = [...g.groups.values()].map((x) => x.title);
    expect(titles).toEqual(['Sales region: East (4)', 'Sales region: West (3)']);
    // Products have no sales region and stay as they are.
    expect(g.nodes.has(p1.key) && g.nodes.has(p2.key)).toBe(true);
    expect(g.nodes.size).toBe(4);
    const east = 'group:sales_region=East';
    expect(g.nodes.get(east)?.label).toBe('COMPANY');
    const owns = [...g.edges.values()].filter((e) => e.type === 'OWNS' && e.source === east);
    expect(owns.map((e) => e.properties.relationships)).toEqual([2]);
  });

  it('opens one value again while the others stay grouped', () => {
    const byAsset = groupDataset(dataset, groupBy(NO_GROUPING, 'asset_class'));
    expect(byAsset.groups.get('group:asset_class=Equity')?.members).toEqual([p1.key, p2.key]);
    const byRegion = groupBy(NO_GROUPING, 'sales_region');
    const drawn = groupDataset(dataset, byRegion);
    const west = drawn.groups.get('group:sales_region=West');
    const opened = groupDataset(dataset, toggleCollapsed(byRegion, west?.key ?? '', west));
    expect(opened.groups.has('group:sales_region=West')).toBe(false);
    expect(opened.groups.has('group:sales_region=East')).toBe(true);
    expect(opened.nodes.has(c2.key)).toBe(true);
  });

  it('comes after collapsed subtrees, which keep their members', () => {
    const g = groupDataset(dataset, groupBy(toggleCollapsed(NO_GROUPING, c1.key), 'sales_region'));
    expect(g.groups.get(subtreeGroupKey(c1.key))?.members).toHaveLength(6);
    expect(g.groups.get('group:sales_region=West')?.members).toEqual([c2.key]);
  });
});

describe('group nodes as drawn', () => {
  it('are larger than any node they gather, more so the more they hold', () => {
    const g = groupDataset(dataset, groupBy(NO_GROUPING, 'sales_region'));
    const v = deriveVisual(g, DEFAULT_APPEARANCE);
    const east = v.nodes.get('group:sales_region=East')?.size ?? 0;
    const west = v.nodes.get('group:sales_region=West')?.size ?? 0;
    expect(west).toBeGreaterThan(MAX_NODE_SIZE);
    expect(east).toBeGreaterThan(west);
    expect(v.nodes.get('group:sales_region=East')?.label).toBe('Sales region: East (4)');
  });
});
