import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE, NODE_COLORS } from '../../../src/renderer/src/graph/appearance';
import { deriveDataset, startExploration } from '../../../src/renderer/src/graph/exploration';
import {
  circularLayout,
  clusterLayout,
  hierarchyLayout,
  layeredLayout,
  placeArrivals,
} from '../../../src/renderer/src/graph/layouts';
import {
  discsOf,
  removeDiscOverlaps,
  separateDiscs,
  spreadDiscs,
} from '../../../src/renderer/src/graph/overlap';
import type { Discs } from '../../../src/renderer/src/graph/overlap';
import { createSigmaGraph, deriveVisual, syncGraph } from '../../../src/renderer/src/graph/visual';
import { base, c1, co1, f1, node, p1, rel } from './fixtures';

const dataset = deriveDataset(startExploration(base));

describe('graph derivation', () => {
  it('maps every node and edge to visual attributes, with "+N more" badges', () => {
    const v = deriveVisual(dataset, DEFAULT_APPEARANCE, new Map([[co1.key, 7]]));
    expect(v.nodes.get(c1.key)?.color).toBe(NODE_COLORS.CONSULTANT);
    expect(v.nodes.get(co1.key)?.label).toBe(`${co1.name} (+7 more)`);
    expect(v.edges.get('e2')).toMatchObject({ source: f1.key, target: co1.key });
    // By degree: the field consultant (2 edges) is bigger than the consultant (1).
    expect(v.nodes.get(f1.key)?.size).toBeGreaterThan(v.nodes.get(c1.key)?.size ?? 0);
  });

  it('chooses the sigma program (the shape) of each node by its type', () => {
    const i1 = node('INCUMBENT_PRODUCT', 'I1');
    const all = deriveDataset({
      base: { nodes: [c1, f1, co1, p1, i1], relationships: [] },
      expansions: [],
    });
    const v = deriveVisual(all, DEFAULT_APPEARANCE);
    const types = [c1, f1, co1, p1, i1].map((n) => v.nodes.get(n.key)?.type);
    expect(types).toEqual(['circle', 'ring', 'square', 'target', 'square-dot']);
  });

  it('syncs the drawn graph, keeping the positions of nodes that stay', () => {
    const graph = createSigmaGraph();
    const place = () => ({ x: 1, y: 2 });
    syncGraph(graph, deriveVisual(dataset, DEFAULT_APPEARANCE), place);
    graph.setNodeAttribute(c1.key, 'x', 42);
    const grown = deriveDataset({
      base: {
        nodes: [...base.nodes, p1],
        relationships: [...base.relationships, rel('e3', 'OWNS', co1, p1)],
      },
      expansions: [],
    });
    const result = syncGraph(
      graph,
      deriveVisual(grown, { ...DEFAULT_APPEARANCE, sizeBy: 'uniform' }),
      place,
    );
    expect(result).toEqual({ added: 1, removed: 0 });
    expect(graph.getNodeAttribute(c1.key, 'x')).toBe(42);
    expect(graph.size).toBe(3);
    const shrunk = syncGraph(graph, deriveVisual(dataset, DEFAULT_APPEARANCE), place);
    expect(shrunk).toEqual({ added: 0, removed: 1 });
    expect(graph.hasNode(p1.key)).toBe(false);
  });
});

describe('layouts', () => {
  const nodes = base.nodes.map((n) => ({ key: n.key, type: n.label }));
  it('layers by type: consultant above field consultant above company', () => {
    const pos = layeredLayout(nodes, base.relationships, 'standard');
    const y = (k: string): number => pos.get(k)?.y ?? NaN;
    expect(y(c1.key)).toBeGreaterThan(y(f1.key));
    expect(y(f1.key)).toBeGreaterThan(y(co1.key));
  });

  it('puts companies first in recommendations mode', () => {
    const pos = layeredLayout([...nodes, { key: p1.key, type: p1.label }], [], 'recommendations');
    expect(pos.get(co1.key)?.y ?? 0).toBeGreaterThan(pos.get(p1.key)?.y ?? 0);
  });

  it('places every node on one circle', () => {
    const pos = circularLayout(nodes, 'standard');
    const radii = [...pos.values()].map((p) => Math.hypot(p.x, p.y));
    expect(Math.max(...radii) - Math.min(...radii)).toBeLessThan(1e-9);
  });

  it('places arrivals near their neighbour, apart from it and from each other', () => {
    const placed = new Map([
      ['hub', { x: 0, y: 0 }],
      ['other', { x: 10, y: 0 }],
    ]);
    const leaves = Array.from({ length: 30 }, (_, i) => `leaf${i}`);
    const edges = [
      { source: 'hub', target: 'other' },
      ...leaves.map((l) => ({ source: 'hub', target: l })),
    ];
    const pos = placeArrivals([...leaves, 'alone'], placed, edges);
    const points = leaves.map((l) => pos.get(l) ?? { x: NaN, y: NaN });
    for (const p of points) {
      const d = Math.hypot(p.x, p.y);
      expect(d).toBeGreaterThan(1);
      expect(d).toBeLessThan(60);
    }
    let closest = Infinity;
    for (const [i, a] of points.entries())
      for (const b of points.slice(i + 1))
        closest = Math.min(closest, Math.hypot(a.x - b.x, a.y - b.y));
    expect(closest).toBeGreaterThan(1);
    // The node without relationships goes beside the drawing, not into it.
    const alone = pos.get('alone');
    expect(alone && Math.hypot(alone.x, alone.y)).toBeGreaterThan(10);
  });

  it('places every node of many components with nothing placed, each component apart', () => {
    // 400 stars of a hub and three leaves: each star starts from its hub, beside the others.
    const edges = Array.from({ length: 400 }, (_, s) =>
      [0, 1, 2].map((l) => ({ source: `hub${s}`, target: `leaf${s}.${l}` })),
    ).flat();
    const keys = [...new Set(edges.flatMap((e) => [e.source, e.target]))].reverse();
    const pos = placeArrivals(keys, new Map(), edges);
    expect(pos.size).toBe(keys.length);
    const hubs = Array.from({ length: 400 }, (_, s) => pos.get(`hub${s}`) ?? { x: NaN, y: NaN });
    const seen = new Set(hubs.map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(seen.size).toBe(400);
    for (let s = 0; s < 400; s++) {
      const hub = hubs[s] as { x: number; y: number };
      for (let l = 0; l < 3; l++) {
        const leaf = pos.get(`leaf${s}.${l}`) ?? { x: NaN, y: NaN };
        // Each leaf nearer its own hub than the spacing between hubs.
        expect(Math.hypot(leaf.x - hub.x, leaf.y - hub.y)).toBeLessThan(
          Math.hypot(
            hub.x - (hubs[(s + 1) % 400]?.x ?? NaN),
            hub.y - (hubs[(s + 1) % 400]?.y ?? NaN),
          ),
        );
      }
    }
  });
  it('builds one tree per consultant with parents over their children and no shared slot', () => {
    const pos = hierarchyLayout(nodes, base.relationships, 'standard');
    expect(pos.size).toBe(nodes.length);
    const y = (k: string): number => pos.get(k)?.y ?? NaN;
    expect(y(c1.key)).toBeGreaterThan(y(f1.key));
    expect(y(f1.key)).toBeGreaterThan(y(co1.key));
    const slots = new Set([...pos.values()].map((p) => `${p.x.toFixed(3)},${p.y.toFixed(3)}`));
    expect(slots.size).toBe(pos.size);
  });

  it('gathers each group in its own disc', () => {
    const grouped = nodes.map((n, i) => ({ ...n, group: i % 2 ? 'a' : 'b' }));
    const pos = clusterLayout(grouped);
    const centre = (g: string) => {
      const ps = grouped.filter((n) => n.group === g).map((n) => pos.get(n.key) ?? { x: 0, y: 0 });
      return {
        x: ps.reduce((s, p) => s + p.x, 0) / ps.length,
        y: ps.reduce((s, p) => s + p.y, 0) / ps.length,
      };
    };
    const a = centre('a');
    const b = centre('b');
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(10);
  });

  const disc = (d: Discs, i: number) => ({ x: d.x[i], y: d.y[i], r: d.r[i] });
  const overlappingPairs = (d: Discs): number => {
    // A sweep along x: only pairs closer than the largest diameter can overlap.
    const n = d.r.length;
    const reach = 2 * Math.max(...d.r);
    const order = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (d.x[a] as number) - (d.x[b] as number),
    );
    let overlapping = 0;
    for (let a = 0; a < n; a++) {
      const p = disc(d, order[a] as number) as { x: number; y: number; r: number };
      for (let b = a + 1; b < n; b++) {
        const q = disc(d, order[b] as number) as { x: number; y: number; r: number };
        if (q.x - p.x >= reach) break;
        if (Math.hypot(q.x - p.x, q.y - p.y) < p.r + q.r - 1e-6) overlapping++;
      }
    }
    return overlapping;
  };

  it('separates overlapping discs, coincident ones included', () => {
    const discs = discsOf([
      { x: 0, y: 0, r: 5 },
      { x: 0, y: 0, r: 5 },
      { x: 3, y: 1, r: 4 },
      { x: 40, y: 40, r: 2 },
    ]);
    expect(separateDiscs(discs, 200)).toBe(0);
    expect(overlappingPairs(discs)).toBe(0);
    expect(disc(discs, 3)).toEqual({ x: 40, y: 40, r: 2 });
  });
  it("spreads overlapping discs by noverlap's rule: the later disc steps away", () => {
    const discs = discsOf([
      { x: 0, y: 0, r: 5 },
      { x: 4, y: 0, r: 5 },
      { x: 100, y: 0, r: 5 },
    ]);
    expect(spreadDiscs(discs, 100)).toBe(true);
    expect(disc(discs, 0)).toEqual({ x: 0, y: 0, r: 5 });
    expect(discs.x[1]).toBeGreaterThanOrEqual(10);
    expect(discs.y[1]).toBe(0);
    expect(disc(discs, 2)).toEqual({ x: 100, y: 0, r: 5 });
  });
  it('reports how far a round moved the discs, and nothing for discs already apart', () => {
    const apart = discsOf([
      { x: 0, y: 0, r: 5 },
      { x: 20, y: 0, r: 5 },
    ]);
    expect(removeDiscOverlaps(apart, { spread: true })).toEqual({ left: 0, moved: 0 });
    const close = discsOf([
      { x: 0, y: 0, r: 5 },
      { x: 6, y: 0, r: 5 },
    ]);
    const { left, moved } = removeDiscOverlaps(close, { spread: false });
    expect(left).toBe(0);
    expect(moved).toBeGreaterThan(1.9);
    expect((close.x[1] as number) - (close.x[0] as number)).toBeGreaterThanOrEqual(10);
  });

  it('spreads and separates 20,000 discs crowded into one region, with a far outlier', () => {
    // A dense cloud plus one node far away: graphology-layout-noverlap's 20×20 grid over that
    // extent holds most of the cloud in a few cells and collects their pairs in one Set, which
    // throws "RangeError: Set maximum size exceeded".
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return (seed + 1) / 2_147_483_649;
    };
    const gauss = (): number =>
      Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const list = Array.from({ length: 20_000 }, () => ({
      x: gauss() * 1000,
      y: gauss() * 1000,
      r: 2 + 3 * random(),
    }));
    list.push({ x: 50_000, y: 50_000, r: 40 });
    const discs = discsOf(list);
    spreadDiscs(discs, 150);
    expect(separateDiscs(discs, 200)).toBe(0);
    expect(overlappingPairs(discs)).toBe(0);
  }, 120_000);
});
