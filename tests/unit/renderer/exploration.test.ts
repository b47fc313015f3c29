import { describe, expect, it } from 'vitest';
import {
  applyDataChange,
  collapse,
  deriveDataset,
  expand,
  expandedNodes,
  expansionOf,
  moreCounts,
  pin,
  startExploration,
} from '../../../src/renderer/src/graph/exploration';
import { base, c1, co1, node, p1, p2, page, rel } from './fixtures';

describe('exploration', () => {
  it('derives the union of the base and its expansions, edges only between present nodes', () => {
    const e = expand(startExploration(base), page(co1, [p1], [rel('e3', 'OWNS', co1, p1)], 2));
    const d = deriveDataset(e);
    expect([...d.nodes.keys()].sort()).toEqual(
      [c1.key, co1.key, 'FIELD_CONSULTANT:F1', p1.key].sort(),
    );
    expect([...d.edges.keys()].sort()).toEqual(['e1', 'e2', 'e3']);
    const dangling = expand(startExploration(base), page(co1, [], [rel('e9', 'OWNS', co1, p2)], 1));
    expect(deriveDataset(dangling).edges.has('e9')).toBe(false);
  });

  it('pages a supernode: "+N more" until every relationship is loaded', () => {
    let e = expand(startExploration(base), page(co1, [p1], [rel('e3', 'OWNS', co1, p1)], 2));
    expect(expansionOf(e, co1.key)).toEqual({ loaded: 1, total: 2, hasMore: true });
    expect(moreCounts(e).get(co1.key)).toBe(1);
    e = expand(e, page(co1, [p2], [rel('e4', 'OWNS', co1, p2)], 2, 1));
    expect(expansionOf(e, co1.key)).toEqual({ loaded: 2, total: 2, hasMore: false });
    expect(moreCounts(e).size).toBe(0);
    expect(expandedNodes(e)).toEqual([co1.key]);
  });

  it('collapses what an expansion added, and the expansions that hung from it', () => {
    const p3 = node('PRODUCT', 'P3');
    let e = expand(startExploration(base), page(co1, [p1], [rel('e3', 'OWNS', co1, p1)], 1));
    e = expand(e, page(p1, [p3], [rel('e5', 'OWNS', p1, p3)], 1));
    expect(deriveDataset(e).nodes.has(p3.key)).toBe(true);
    const back = collapse(e, co1.key);
    expect(deriveDataset(back).nodes.has(p1.key)).toBe(false);
    expect(deriveDataset(back).nodes.has(p3.key)).toBe(false);
    // The base stays, and collapsing a node that was never expanded changes nothing.
    expect(deriveDataset(back).nodes.has(co1.key)).toBe(true);
    expect(collapse(back, c1.key)).toBe(back);
  });

  it('pins a search hit once, and only when it is not drawn already', () => {
    const e = startExploration(base);
    expect(pin(e, c1)).toBe(e);
    const pinned = pin(e, p2);
    expect(deriveDataset(pinned).nodes.has(p2.key)).toBe(true);
    expect(pin(pinned, p2)).toBe(pinned);
  });
});

describe('data changes from edits', () => {
  const expanded = () =>
    expand(startExploration(base), page(co1, [p1], [rel('e3', 'OWNS', co1, p1)], 1));

  it('replaces an updated node in the base and in every step', () => {
    const renamed = { ...co1, name: 'Renamed', properties: { aum: 1 } };
    const d = deriveDataset(applyDataChange(expanded(), { kind: 'node-updated', node: renamed }));
    expect(d.nodes.get(co1.key)).toEqual(renamed);
    expect(d.edges.size).toBe(3);
  });

  it('lets a deleted node go with its relationships, wherever they were loaded', () => {
    const d = deriveDataset(applyDataChange(expanded(), { kind: 'node-deleted', key: co1.key }));
    expect(d.nodes.has(co1.key)).toBe(false);
    expect([...d.edges.keys()]).toEqual(['e1']);
  });

  it('updates and deletes relationships', () => {
    const changed = rel('e3', 'OWNS', co1, p1, { mandate_status: 'At Risk' });
    const updated = applyDataChange(expanded(), {
      kind: 'relationship-updated',
      relationship: changed,
    });
    expect(deriveDataset(updated).edges.get('e3')).toEqual(changed);
    const deleted = applyDataChange(updated, { kind: 'relationship-deleted', key: 'e2' });
    expect([...deriveDataset(deleted).edges.keys()].sort()).toEqual(['e1', 'e3']);
    expect(deriveDataset(deleted).nodes.size).toBe(4);
  });
});
