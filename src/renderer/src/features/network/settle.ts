/**
 * What happens once a layout has settled: nodes without relationships go to a compact grid
 * beside the drawing, nodes are drawn smaller when too many to fit, overlap removal (noverlap's
 * rule, then a separation of the pairs left) separates nodes by their size on screen at the
 * fitted zoom, and the camera frames the result unless the analyst moved it meanwhile. The
 * overlap passes run in a web worker (see overlap-runner): the main thread only reads positions
 * into typed arrays and writes the results back in one batch per round.
 */
import { gridLayout } from '../../graph/layouts';
import { OverlapCancelled, startOverlapWorker } from '../../graph/overlap-runner';
import type { OverlapWorker } from '../../graph/overlap-runner';
import type { SigmaGraph } from '../../graph/visual';
import type { Explorer, SigmaInstance } from '../../state/explorer';
import { fittedViewOf, freeRect } from './camera';
import type { Extent } from './camera';

/** Screen gap kept between two nodes, in pixels. */
const GAP_PX = 3;
const SEPARATION_ROUNDS = 5;
const SPREAD_PASSES = 150;
const SEPARATE_PASSES = 60;
/** A round that moved no disc further than this (pixels) leaves nothing for the next one. */
const STILL_PX = 0.01;
/** Largest share of the free area the nodes' discs (gap included) may cover when fitted. */
const MAX_DISC_COVER = 0.3;

const sizeScales = new WeakMap<SigmaInstance, number>();

/**
 * Draws nodes smaller when there are too many to fit the canvas at their sizes: every node's
 * size on screen is scaled by one factor (at most 1), so the picture can be free of overlaps.
 */
export function fitNodeSizes(graph: SigmaGraph, sigma: SigmaInstance): void {
  const free = freeRect(sigma);
  const area = (free.right - free.left) * (free.bottom - free.top);
  let cover = 0;
  graph.forEachNode((_k, a) => (cover += Math.PI * (a.size + GAP_PX / 2) ** 2));
  const k = cover > 0 ? Math.min(1, Math.sqrt((MAX_DISC_COVER * area) / cover)) : 1;
  if (Math.abs((sizeScales.get(sigma) ?? 1) - k) < 0.01) return;
  sizeScales.set(sigma, k);
  sigma.setSetting('zoomToSizeRatioFunction', (ratio) => Math.sqrt(ratio) / k);
}

function extentOf(graph: SigmaGraph, keys?: readonly string[]): Extent | null {
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const add = (x: number, y: number): void => {
    if (x < e.minX) e.minX = x;
    if (y < e.minY) e.minY = y;
    if (x > e.maxX) e.maxX = x;
    if (y > e.maxY) e.maxY = y;
  };
  if (keys)
    for (const key of keys) add(graph.getNodeAttribute(key, 'x'), graph.getNodeAttribute(key, 'y'));
  else graph.forEachNode((_k, a) => add(a.x, a.y));
  return e.minX <= e.maxX ? e : null;
}

/** Pixels per graph unit once the whole drawing is fitted into the free rectangle. */
function fittedScale(sigma: SigmaInstance, extent: Extent): number {
  const free = freeRect(sigma);
  const w = Math.max(1e-9, extent.maxX - extent.minX);
  const h = Math.max(1e-9, extent.maxY - extent.minY);
  return Math.min((free.right - free.left) / w, (free.bottom - free.top) / h);
}

/** Moves nodes to `positions` in one batch (one event for sigma, not one per node). */
function writePositions(
  graph: SigmaGraph,
  positions: ReadonlyMap<string, { x: number; y: number }>,
): void {
  if (positions.size === 0) return;
  graph.updateEachNodeAttributes(
    (key, attrs) => {
      const p = positions.get(key);
      if (p) {
        attrs.x = p.x;
        attrs.y = p.y;
      }
      return attrs;
    },
    { attributes: ['x', 'y'] },
  );
}

/** Nodes without relationships in a grid under the rest, spaced by their size on screen. */
function gridIsolated(graph: SigmaGraph, sigma: SigmaInstance): void {
  const isolated = graph.filterNodes((k) => graph.degreeWithoutSelfLoops(k) === 0).sort();
  if (isolated.length === 0) return;
  const connected = graph.filterNodes((k) => graph.degreeWithoutSelfLoops(k) > 0);
  const extent = extentOf(graph, connected);
  let maxSize = 0;
  for (const k of isolated) maxSize = Math.max(maxSize, graph.getNodeAttribute(k, 'size'));
  const cellPx = 2 * maxSize + 2 * GAP_PX;
  if (!extent) {
    writePositions(graph, gridLayout(isolated, { x: 0, y: 0 }, 1));
    return;
  }
  // The grid's own size changes the fitted scale: two passes get close to the final one.
  let scale = fittedScale(sigma, extent);
  for (let pass = 0; pass < 2; pass++) {
    const cell = cellPx / Math.max(scale, 1e-9);
    const origin = { x: extent.minX, y: extent.minY - 2 * cell };
    writePositions(graph, gridLayout(isolated, origin, cell));
    scale = fittedScale(sigma, extentOf(graph) as Extent);
  }
}

/**
 * Moves nodes apart until none covers another on screen at the fitted zoom: noverlap's rule
 * first, then a separation of the discs left overlapping, both in screen pixels and over a spatial
 * hash sized by the discs, so tens of thousands of nodes stay linear (graphology-layout-noverlap's
 * fixed 20×20 grid collects every pair of a crowded cell in one Set, which overflows V8's 2^24
 * entries past about 6,000 nodes in a cell). Each round refits, since spreading nodes out makes
 * the fitted zoom smaller; rounds stop once one leaves no overlap or moves nothing. The passes
 * run in the worker; the rounds work on a copy of the positions, written back once at the end
 * (sigma re-processes the whole graph after every write).
 */
async function removeOverlaps(
  graph: SigmaGraph,
  sigma: SigmaInstance,
  worker: OverlapWorker,
): Promise<void> {
  const keys = graph.nodes();
  const n = keys.length;
  const gx = new Float64Array(n);
  const gy = new Float64Array(n);
  const sizes = new Float64Array(n);
  let maxSize = 0;
  keys.forEach((key, i) => {
    const a = graph.getNodeAttributes(key);
    gx[i] = a.x;
    gy[i] = a.y;
    sizes[i] = a.size ?? 0;
    maxSize = Math.max(maxSize, a.size ?? 0);
  });
  let changed = false;
  for (let round = 0; round < SEPARATION_ROUNDS; round++) {
    const view = fittedViewOf(sigma, extentOfArrays(gx, gy), maxSize);
    if (!view || !(view.scale > 0)) break;
    const { scale, camera } = view;
    const discs = { x: new Float64Array(n), y: new Float64Array(n), r: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      discs.x[i] = (gx[i] as number) * scale;
      discs.y[i] = (gy[i] as number) * scale;
      discs.r[i] = sigma.scaleSize(sizes[i], camera.ratio) + GAP_PX / 2;
    }
    const result = await worker.run(discs, {
      spread: round === 0,
      spreadPasses: SPREAD_PASSES,
      separatePasses: SEPARATE_PASSES,
    });
    if (result.moved < STILL_PX) break;
    changed = true;
    for (let i = 0; i < n; i++) {
      gx[i] = (result.x[i] as number) / scale;
      gy[i] = (result.y[i] as number) / scale;
    }
    if (result.left === 0 && round > 0) break;
  }
  if (!changed) return;
  const positions = new Map<string, { x: number; y: number }>();
  // Over the graph's nodes: any that left meanwhile are not written back.
  keys.forEach((key, i) => positions.set(key, { x: gx[i] as number, y: gy[i] as number }));
  writePositions(graph, positions);
}

function extentOfArrays(xs: Float64Array, ys: Float64Array): Extent {
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    if (x < e.minX) e.minX = x;
    if (y < e.minY) e.minY = y;
    if (x > e.maxX) e.maxX = x;
    if (y > e.maxY) e.maxY = y;
  }
  return e;
}

/** The camera fit once settled, from the graph's own positions (no refresh of sigma needed). */
function fitSettled(graph: SigmaGraph, sigma: SigmaInstance): void {
  const extent = extentOf(graph);
  if (!extent) return;
  let maxSize = 0;
  graph.forEachNode((_k, a) => (maxSize = Math.max(maxSize, a.size)));
  const view = fittedViewOf(sigma, extent, maxSize);
  if (view) void sigma.getCamera().animate(view.camera, { duration: 400 });
}

const inFlight = new WeakMap<SigmaInstance, () => void>();

/** Stops a settle still under way on `sigma` (its overlap worker ends, nothing more is written). */
export function cancelSettle(sigma: SigmaInstance): void {
  inFlight.get(sigma)?.();
  inFlight.delete(sigma);
}

/**
 * Settles the drawing; the overlap removal finishes later, off the main thread, and the drawing
 * counts as settled once sigma has drawn the result. A new settle (or `cancelSettle`, when a
 * layout starts) abandons one still under way. Resolves once settled (or abandoned).
 */
export async function settleDrawing(
  explorer: Explorer,
  sigma: SigmaInstance,
  { overlaps = true }: { overlaps?: boolean } = {},
): Promise<void> {
  cancelSettle(sigma);
  const graph = explorer.graph;
  let cancelled = false;
  let worker: OverlapWorker | null = null;
  let drawn: (() => void) | null = null;
  const cancel = (): void => {
    cancelled = true;
    worker?.close();
    drawn?.();
    explorer.markSettling(false);
  };
  inFlight.set(sigma, cancel);
  explorer.markSettling(true);
  gridIsolated(graph, sigma);
  fitNodeSizes(graph, sigma);
  if (overlaps && graph.order >= 2) {
    worker = startOverlapWorker();
    try {
      await removeOverlaps(graph, sigma, worker);
    } catch (error) {
      if (cancelled || error instanceof OverlapCancelled) return;
      throw error;
    } finally {
      worker.close();
    }
    if (cancelled) return;
  }
  if (!explorer.cameraTouched()) fitSettled(graph, sigma);
  // The positions reach the screen with sigma's next frame, which re-processes the graph.
  await new Promise<void>((resolve) => {
    drawn = (): void => {
      if (drawn) sigma.off('afterRender', drawn);
      resolve();
    };
    sigma.on('afterRender', drawn);
    sigma.scheduleRender();
  });
  if (cancelled) return;
  if (inFlight.get(sigma) === cancel) inFlight.delete(sigma);
  explorer.markSettled();
}
