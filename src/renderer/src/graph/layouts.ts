/**
 * Deterministic layouts computed as pure functions of the graph's structure: layered by node
 * type (the business flow reads top to bottom), circular (grouped by type), hierarchy (one tree
 * per consultant, side by side), clusters (one disc per group), a compact grid for nodes without
 * relationships, and the placement of nodes that join an already laid-out graph.
 */
import type { GraphMode, NodeLabel } from '@shared/domain';

export type Point = { x: number; y: number };
export type LayoutNode = { key: string; type: NodeLabel; label?: string; group?: string };
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

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? null;
}

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function boxOf(points: Iterable<Point>): Box | null {
  let box: Box | null = null;
  for (const p of points) {
    if (!box) box = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    else {
      box.minX = Math.min(box.minX, p.x);
      box.minY = Math.min(box.minY, p.y);
      box.maxX = Math.max(box.maxX, p.x);
      box.maxY = Math.max(box.maxY, p.y);
    }
  }
  return box;
}

/** The drawing's typical edge length: the median over edges whose ends are both placed. */
function typicalLength(placed: ReadonlyMap<string, Point>, edges: readonly LayoutEdge[]): number {
  const lengths: number[] = [];
  for (const e of edges) {
    const a = placed.get(e.source);
    const b = placed.get(e.target);
    if (a && b && a !== b) lengths.push(Math.hypot(a.x - b.x, a.y - b.y));
  }
  const m = median(lengths.filter((l) => l > 0));
  if (m) return m;
  const box = boxOf(placed.values());
  if (box && placed.size > 1) {
    const area = Math.max(1, (box.maxX - box.minX) * (box.maxY - box.minY));
    return Math.max(SPACING / 4, Math.sqrt(area / placed.size));
  }
  return SPACING;
}

/** A compact grid of `keys` (in order) starting at `origin`, rows of about a square. */
export function gridLayout(
  keys: readonly string[],
  origin: Point,
  cell: number,
): Map<string, Point> {
  const columns = Math.max(1, Math.ceil(Math.sqrt(keys.length)));
  const out = new Map<string, Point>();
  keys.forEach((key, i) => {
    out.set(key, {
      x: origin.x + (i % columns) * cell,
      y: origin.y - Math.floor(i / columns) * cell,
    });
  });
  return out;
}

/**
 * Where nodes joining a drawing go. Each arrival with placed neighbours goes on a sunflower
 * spiral around them, at the drawing's typical edge length and pointing away from the rest of
 * the drawing, so it never lands on a neighbour and siblings never land on each other. Arrivals
 * reached only through other arrivals follow them outward; a component with no placed node
 * starts beside the drawing; nodes without any relationship go to a compact grid beside it.
 */
export function placeArrivals(
  arrivals: readonly string[],
  placed: ReadonlyMap<string, Point>,
  edges: readonly LayoutEdge[],
): Map<string, Point> {
  const adj = neighbourIndex(edges);
  const length = typicalLength(placed, edges);
  const at = new Map(placed);
  const out = new Map<string, Point>();
  const children = new Map<string, number>();
  const pending = new Set(arrivals.filter((k) => !placed.has(k)));
  const isolated = [...pending].filter((k) => (adj.get(k) ?? []).every((n) => n === k));
  for (const k of isolated) pending.delete(k);
  // Kept as nodes are placed, so no step goes over every placed node again.
  let box = boxOf(at.values());
  const order = new Map([...pending].map((k, i) => [k, i]));
  const put = (key: string, p: Point): void => {
    at.set(key, p);
    out.set(key, p);
    pending.delete(key);
    if (!box) box = { minX: p.x, minY: p.y, maxX: p.x, maxY: p.y };
    else {
      box.minX = Math.min(box.minX, p.x);
      box.minY = Math.min(box.minY, p.y);
      box.maxX = Math.max(box.maxX, p.x);
      box.maxY = Math.max(box.maxY, p.y);
    }
  };
  const placeAround = (key: string, anchors: Point[], mid: Point): void => {
    const cx = anchors.reduce((s, p) => s + p.x, 0) / anchors.length;
    const cy = anchors.reduce((s, p) => s + p.y, 0) / anchors.length;
    // The first anchor's count of children placed so far: the index on its spiral.
    const anchorKey = `${cx.toFixed(6)},${cy.toFixed(6)}`;
    const k = children.get(anchorKey) ?? 0;
    children.set(anchorKey, k + 1);
    const outward = Math.atan2(cy - mid.y, cx - mid.x) || 0;
    const angle = outward + k * GOLDEN_ANGLE;
    const r = length * (anchors.length > 1 ? 0.35 : 0.7) * Math.sqrt(k + 1);
    put(key, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
  };
  const anchorsOf = (key: string): Point[] =>
    (adj.get(key) ?? []).flatMap((n) => {
      const p = at.get(n);
      return p && n !== key ? [p] : [];
    });
  // Seeds of components with nothing placed, the best connected first: sorted once, when needed.
  let seeds: string[] | null = null;
  let nextSeed = 0;
  let slot = 0;
  // Nodes that may have a placed neighbour: at first every arrival, then the neighbours of what
  // the previous pass placed.
  let candidates: Iterable<string> = [...pending];
  while (pending.size > 0) {
    const mid = box
      ? { x: (box.minX + box.maxX) / 2, y: (box.minY + box.maxY) / 2 }
      : { x: 0, y: 0 };
    // Breadth first from the placed nodes: every pass places the arrivals touching them, in the
    // arrivals' order, each around the nodes placed before the pass.
    for (;;) {
      const ready = [...new Set(candidates)]
        .filter((key) => pending.has(key))
        .sort((a, b) => (order.get(a) as number) - (order.get(b) as number))
        .flatMap((key) => {
          const anchors = anchorsOf(key);
          return anchors.length ? [{ key, anchors }] : [];
        });
      if (ready.length === 0) break;
      for (const { key, anchors } of ready) placeAround(key, anchors, mid);
      candidates = ready.flatMap(({ key }) => adj.get(key) ?? []);
    }
    if (pending.size === 0) break;
    // A component with nothing placed: its best connected node starts beside the drawing.
    seeds ??= [...pending].sort(
      (a, b) => (adj.get(b)?.length ?? 0) - (adj.get(a)?.length ?? 0) || a.localeCompare(b),
    );
    while (nextSeed < seeds.length && !pending.has(seeds[nextSeed] as string)) nextSeed++;
    const seed = seeds[nextSeed];
    if (seed === undefined) break;
    const b: Box | null = box;
    put(seed, b ? { x: b.maxX + length * 3, y: b.maxY - slot * length * 3 } : { x: 0, y: 0 });
    slot++;
    candidates = adj.get(seed) ?? [];
  }
  if (isolated.length > 0) {
    const b: Box | null = box;
    const cell = length * 0.8;
    const origin = b ? { x: b.minX, y: b.minY - length * 2 } : { x: 0, y: 0 };
    for (const [key, p] of gridLayout([...isolated].sort(), origin, cell)) out.set(key, p);
  }
  return out;
}

/** Width a label needs, in layout units, at the spacing the deterministic layouts use. */
const labelWidth = (n: LayoutNode): number =>
  Math.max(SPACING, Math.min(28, (n.label ?? n.key).length) * SPACING * 0.22 + SPACING * 0.6);

/**
 * One tree per consultant (consultant → field consultant → company → product), trees side by
 * side. Each node hangs under its first neighbour in the layer above; a leaf takes as much
 * width as its label needs, so labels of one layer never run into each other; a parent sits
 * over the middle of its children. Nodes no tree reaches start trees of their own.
 */
export function hierarchyLayout(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  mode: GraphMode,
): Map<string, Point> {
  const order = LAYER_ORDER[mode];
  const adj = neighbourIndex(edges);
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const sorted = [...nodes].sort(
    (a, b) => order[a.type] - order[b.type] || a.key.localeCompare(b.key),
  );
  const parent = new Map<string, string>();
  const kids = new Map<string, string[]>();
  const roots: string[] = [];
  const seen = new Set<string>();
  // Breadth first from the top layer, so each node hangs under a node of the layer above.
  for (const root of sorted) {
    if (seen.has(root.key)) continue;
    seen.add(root.key);
    roots.push(root.key);
    const queue = [root.key];
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i] as string;
      const level = order[(byKey.get(key) as LayoutNode).type];
      const below = (adj.get(key) ?? [])
        .filter((n) => !seen.has(n) && byKey.has(n))
        .filter((n) => order[(byKey.get(n) as LayoutNode).type] > level)
        .sort();
      for (const n of below) {
        seen.add(n);
        parent.set(n, key);
        const list = kids.get(key) ?? [];
        list.push(n);
        kids.set(key, list);
        queue.push(n);
      }
    }
  }
  const levels = [...new Set(nodes.map((n) => order[n.type]))].sort((a, b) => a - b);
  const depth = new Map(levels.map((l, i) => [l, i]));
  const out = new Map<string, Point>();
  let cursor = 0;
  const place = (key: string): number => {
    const node = byKey.get(key) as LayoutNode;
    const y = -(depth.get(order[node.type]) ?? 0) * SPACING * 6;
    const list = kids.get(key) ?? [];
    let x: number;
    if (list.length === 0) {
      const w = labelWidth(node);
      x = cursor + w / 2;
      cursor += w;
    } else {
      const start = cursor;
      const xs = list.map(place);
      x = ((xs[0] as number) + (xs[xs.length - 1] as number)) / 2;
      // A parent's own label must fit over its children.
      cursor = Math.max(cursor, start + labelWidth(node));
    }
    out.set(key, { x, y });
    return x;
  };
  for (const root of roots) {
    place(root);
    cursor += SPACING * 2;
  }
  return out;
}

/**
 * Clusters: one disc per group (a sunflower of its members, biggest group first), discs on a
 * grid in rows of about a square, each disc as large as its group needs.
 */
export function clusterLayout(nodes: readonly LayoutNode[]): Map<string, Point> {
  const groups = new Map<string, LayoutNode[]>();
  for (const n of nodes) {
    const g = n.group ?? '';
    const list = groups.get(g) ?? [];
    list.push(n);
    groups.set(g, list);
  }
  const ordered = [...groups.entries()].sort(
    (a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]),
  );
  const radius = (count: number): number => SPACING * 0.6 * Math.sqrt(count) + SPACING;
  const cell = 2 * radius(ordered[0]?.[1].length ?? 1) + SPACING * 2;
  const columns = Math.max(1, Math.ceil(Math.sqrt(ordered.length)));
  const out = new Map<string, Point>();
  ordered.forEach(([, members], i) => {
    const cx = (i % columns) * cell;
    const cy = -Math.floor(i / columns) * cell;
    [...members]
      .sort((a, b) => a.type.localeCompare(b.type) || a.key.localeCompare(b.key))
      .forEach((n, k) => {
        const r = SPACING * 0.6 * Math.sqrt(k);
        const angle = k * GOLDEN_ANGLE;
        out.set(n.key, { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
      });
  });
  return out;
}

/** Each node's nearest consultant (breadth first from all consultants at once); none if unreached. */
export function nearestConsultant(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
): Map<string, string> {
  const adj = neighbourIndex(edges);
  const out = new Map<string, string>();
  const queue = nodes.filter((n) => n.type === 'CONSULTANT').map((n) => n.key);
  for (const k of queue) out.set(k, k);
  for (let i = 0; i < queue.length; i++) {
    const key = queue[i] as string;
    const root = out.get(key) as string;
    for (const n of adj.get(key) ?? []) {
      if (out.has(n)) continue;
      out.set(n, root);
      queue.push(n);
    }
  }
  return out;
}
