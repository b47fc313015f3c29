/**
 * How readable the drawn network is, read through the page's `?debug` handle: the share of
 * nodes stacked on another (centres under 4 px apart on screen), overlapping node pairs (discs
 * that cover each other), overlapping drawn labels, and nodes off the canvas or under an overlay.
 * Pure measures over a snapshot, shared by `npm run bench:layout` and the layout browser test.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';

const Rect = z.object({ left: z.number(), top: z.number(), right: z.number(), bottom: z.number() });
export const Snapshot = z.object({
  nodes: z.array(z.object({ key: z.string(), x: z.number(), y: z.number(), size: z.number() })),
  labels: z.array(
    z.object({
      key: z.string(),
      x: z.number(),
      y: z.number(),
      width: z.number(),
      height: z.number(),
    }),
  ),
  edges: z.array(z.tuple([z.string(), z.string()])),
  canvas: z.object({
    width: z.number(),
    height: z.number(),
    free: Rect,
    overlays: z.array(Rect),
  }),
  settleMs: z.number().nullable(),
});
export type Snapshot = z.infer<typeof Snapshot>;
type Node = Snapshot['nodes'][number];

export const STACKED_PX = 4;

/** The drawn picture, as the debug handle reports it. */
export async function snapshot(page: Page): Promise<Snapshot> {
  // A string, so the page's own types stay out of this module.
  const raw: unknown = await page.evaluate(`(() => {
    const sn = globalThis.__SN__;
    return sn && {
      nodes: sn.nodeBoxes(),
      labels: sn.labelBoxes(),
      edges: sn.edges(),
      canvas: sn.canvas(),
      settleMs: sn.lastSettleMs(),
    };
  })()`);
  return Snapshot.parse(raw);
}

/** Pairs of nodes closer than `within(a, b)`, found through a grid of `cell` pixels. */
function closePairs(nodes: readonly Node[], cell: number, within: (a: Node, b: Node) => number) {
  const grid = new Map<string, Node[]>();
  const pairs: [Node, Node][] = [];
  for (const n of nodes) {
    const cx = Math.floor(n.x / cell);
    const cy = Math.floor(n.y / cell);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const o of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot(n.x - o.x, n.y - o.y) < within(n, o)) pairs.push([n, o]);
        }
      }
    }
    const key = `${cx},${cy}`;
    const list = grid.get(key);
    if (list) list.push(n);
    else grid.set(key, [n]);
  }
  return pairs;
}

export type Measures = {
  nodes: number;
  /** Share of nodes whose centre is under 4 px from another's. */
  stackedShare: number;
  /**
   * Share of nodes whose centre lies under another node's drawn disc (closer than the larger
   * radius): hidden whatever the zoom, where the 4 px figure depends on the canvas — 20,000 nodes
   * fitted into a laptop's canvas are on average only a few pixels apart (`spacingPx`).
   */
  hiddenShare: number;
  /** The spacing the free canvas allows: the side of the square each node would have. */
  spacingPx: number;
  /** Pairs of discs that cover each other by more than half a pixel. */
  overlappingPairs: number;
  /** Pairs of discs that cover each other at all (no half pixel spare). */
  touchingPairs: number;
  overlappingLabels: number;
  /** Nodes whose disc leaves the canvas or touches an overlay. */
  offCanvas: number;
  offCanvasShare: number;
};

export function measure(s: Pick<Snapshot, 'nodes' | 'labels' | 'canvas'>): Measures {
  const nodes = s.nodes.filter((n) => Number.isFinite(n.x) && Number.isFinite(n.y));
  const stacked = new Set<string>();
  for (const [a, b] of closePairs(nodes, STACKED_PX, () => STACKED_PX)) {
    stacked.add(a.key);
    stacked.add(b.key);
  }
  const maxSize = nodes.reduce((m, n) => Math.max(m, n.size), 1);
  // Discs overlap when their centres are closer than their radii together (half a pixel spare).
  const overlappingPairs = closePairs(nodes, 2 * maxSize, (a, b) => a.size + b.size - 0.5).length;
  const touchingPairs = closePairs(nodes, 2 * maxSize, (a, b) => a.size + b.size).length;
  const hidden = new Set<string>();
  for (const [a, b] of closePairs(nodes, maxSize, (p, q) => Math.max(p.size, q.size))) {
    hidden.add(a.key);
    hidden.add(b.key);
  }
  let overlappingLabels = 0;
  const labels = s.labels;
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0 && h > 0) overlappingLabels++;
    }
  }
  const { width, height, overlays } = s.canvas;
  const off = nodes.filter(
    (n) =>
      n.x - n.size < 0 ||
      n.y - n.size < 0 ||
      n.x + n.size > width ||
      n.y + n.size > height ||
      overlays.some(
        (o) =>
          n.x + n.size > o.left &&
          n.x - n.size < o.right &&
          n.y + n.size > o.top &&
          n.y - n.size < o.bottom,
      ),
  ).length;
  const count = Math.max(1, nodes.length);
  const { free } = s.canvas;
  const freeArea = Math.max(0, free.right - free.left) * Math.max(0, free.bottom - free.top);
  return {
    nodes: nodes.length,
    stackedShare: stacked.size / count,
    hiddenShare: hidden.size / count,
    spacingPx: Math.sqrt(freeArea / count),
    overlappingPairs,
    touchingPairs,
    overlappingLabels,
    offCanvas: off,
    offCanvasShare: off / count,
  };
}

/** Largest distance (px) between where a node is drawn in two snapshots. */
export function largestShift(a: Snapshot, b: Snapshot): number {
  const at = new Map(b.nodes.map((n) => [n.key, n]));
  let worst = a.nodes.length === b.nodes.length ? 0 : Infinity;
  for (const n of a.nodes) {
    const o = at.get(n.key);
    worst = Math.max(worst, o ? Math.hypot(n.x - o.x, n.y - o.y) : Infinity);
  }
  return worst;
}
