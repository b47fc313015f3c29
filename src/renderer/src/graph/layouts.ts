/**
 * Deterministic layouts computed as pure functions of the graph's structure: layered by node
 * type (the business flow reads top to bottom), circular (grouped by type), and the placement of
 * nodes that join an already laid-out graph.
 */
import type { GraphMode, NodeLabel } from '@shared/domain';

export type Point = { x: number; y: number };
export type LayoutNode = { key: string; type: NodeLabel };
export type LayoutEdge = { source: string; target: string };

const LAYER_ORDER: Record<GraphMode, Record<NodeLabel, number>> = {
  standard: { CONSULTANT: 0, FIELD_CONSULTANT: 1, COMPANY: 2, PRODUCT: 3, INCUMBENT_PRODUCT: 3 },
  recommendations: {
    CONSULTANT: -2,
    FIELD_CONSULTANT: -1,
    COMPANY: 0,
    INCUMBENT_PRODUCT: 1,
    PRODUCT: 2,
  },
};

const SPACING = 10;

function neighbourIndex(edges: readonly LayoutEdge[]): Map<string, string[]> {
  const adj = new Map<string, string[]>();
  const add = (a: string, b: string): void => {
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  };
  for (const e of edges) {
    add(e.source, e.target);
    add(e.target, e.source);
  }
  return adj;
}

/**
 * Layers by type; within a layer nodes are ordered by the mean position of their neighbours in
 * the layers above (one barycentre pass), which keeps most edges short. Wide layers wrap.
 */
export function layeredLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  mode: GraphMode,
): Map<string, Point> {
  const order = LAYER_ORDER[mode];
  const layers = new Map<number, LayoutNode[]>();
  for (const n of nodes) {
    const layer = layers.get(order[n.type]) ?? [];
    layer.push(n);
    layers.set(order[n.type], layer);
  }
  const adj = neighbourIndex(edges);
  const rowLength = Math.max(12, Math.ceil(Math.sqrt(nodes.length) * 2.5));
  const rank = new Map<string, number>();
  const out = new Map<string, Point>();
  let y = 0;
  for (const level of [...layers.keys()].sort((a, b) => a - b)) {
    const layer = layers.get(level) ?? [];
    const score = (n: LayoutNode): number => {
      const ranks = (adj.get(n.key) ?? []).flatMap((k) => {
        const r = rank.get(k);
        return r === undefined ? [] : [r];
      });
      return ranks.length ? ranks.reduce((a, b) => a + b, 0) / ranks.length : Infinity;
    };
    const sorted = layer
      .map((n) => ({ n, s: score(n) }))
      .sort((a, b) => a.s - b.s || a.n.key.localeCompare(b.n.key));
    sorted.forEach(({ n }, i) => {
      const row = Math.floor(i / rowLength);
      const inRow = Math.min(rowLength, sorted.length - row * rowLength);
      const col = i % rowLength;
      rank.set(n.key, i / Math.max(1, sorted.length - 1));
      out.set(n.key, { x: (col - (inRow - 1) / 2) * SPACING, y: -(y + row * SPACING * 0.6) });
    });
    y += (Math.ceil(sorted.length / rowLength) - 1) * SPACING * 0.6 + SPACING * 4;
  }
  return out;
}

/** Nodes on one circle, grouped by type so each type forms an arc. */
export function circularLayout(nodes: readonly LayoutNode[], mode: GraphMode): Map<string, Point> {
  const order = LAYER_ORDER[mode];
  const sorted = [...nodes].sort(
    (a, b) => order[a.type] - order[b.type] || a.key.localeCompare(b.key),
  );
  const radius = Math.max(10, (sorted.length * SPACING) / (2 * Math.PI));
  const out = new Map<string, Point>();
  sorted.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, sorted.length);
    out.set(n.key, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  return out;
}

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a). */
function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 2 ** 32;
}

/**
 * Where a node joining the graph goes: around the centre of its already placed neighbours, so
 * an expansion blooms from the node that was expanded; otherwise at its fallback position.
 */
export function placeNear(
  key: string,
  placedNeighbours: readonly Point[],
  fallback: Point,
  spread = SPACING,
): Point {
  if (placedNeighbours.length === 0) return fallback;
  const cx = placedNeighbours.reduce((s, p) => s + p.x, 0) / placedNeighbours.length;
  const cy = placedNeighbours.reduce((s, p) => s + p.y, 0) / placedNeighbours.length;
  const angle = hashUnit(key) * 2 * Math.PI;
  const r = spread * (0.5 + hashUnit(`${key}#r`));
  return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
}
