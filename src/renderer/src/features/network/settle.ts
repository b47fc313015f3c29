/**
 * What happens once a layout has settled: nodes without relationships go to a compact grid
 * beside the drawing, nodes are drawn smaller when too many to fit, overlap removal (noverlap's
 * rule, then a separation of the pairs left) separates nodes by their size on screen at the
 * fitted zoom, and the camera frames the result unless the analyst moved it meanwhile.
 */
import { gridLayout, separateDiscs, spreadDiscs } from '../../graph/layouts';
import type { Disc } from '../../graph/layouts';
import type { SigmaGraph } from '../../graph/visual';
import type { Explorer, SigmaInstance } from '../../state/explorer';
import { fitCamera, fittedCamera, freeRect } from './camera';

/** Screen gap kept between two nodes, in pixels. */
const GAP_PX = 3;
const SEPARATION_ROUNDS = 5;
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

type Extent = { minX: number; minY: number; maxX: number; maxY: number };

function extentOf(graph: SigmaGraph, keys: readonly string[]): Extent | null {
  if (keys.length === 0) return null;
  const e = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const key of keys) {
    const { x, y } = graph.getNodeAttributes(key);
    e.minX = Math.min(e.minX, x);
    e.minY = Math.min(e.minY, y);
    e.maxX = Math.max(e.maxX, x);
    e.maxY = Math.max(e.maxY, y);
  }
  return e;
}

/** Pixels per graph unit once the whole drawing is fitted into the free rectangle. */
function fittedScale(sigma: SigmaInstance, extent: Extent): number {
  const free = freeRect(sigma);
  const w = Math.max(1e-9, extent.maxX - extent.minX);
  const h = Math.max(1e-9, extent.maxY - extent.minY);
  return Math.min((free.right - free.left) / w, (free.bottom - free.top) / h);
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
    for (const [k, p] of gridLayout(isolated, { x: 0, y: 0 }, 1)) graph.mergeNodeAttributes(k, p);
    return;
  }
  // The grid's own size changes the fitted scale: two passes get close to the final one.
  let scale = fittedScale(sigma, extent);
  for (let pass = 0; pass < 2; pass++) {
    const cell = cellPx / Math.max(scale, 1e-9);
    const origin = { x: extent.minX, y: extent.minY - 2 * cell };
    for (const [k, p] of gridLayout(isolated, origin, cell)) graph.mergeNodeAttributes(k, p);
    scale = fittedScale(sigma, extentOf(graph, graph.nodes()) as Extent);
  }
}

/** Pixels per graph unit and the camera ratio once the drawing is fitted. */
function fittedView(sigma: SigmaInstance): { scale: number; ratio: number } | null {
  // Positions changed since the last frame: sigma renormalises on a refresh.
  sigma.refresh();
  const camera = fittedCamera(sigma);
  if (!camera) return null;
  const override = { cameraState: camera };
  const a = sigma.graphToViewport({ x: 0, y: 0 }, override);
  const b = sigma.graphToViewport({ x: 1, y: 0 }, override);
  return { scale: Math.hypot(b.x - a.x, b.y - a.y), ratio: camera.ratio };
}

/**
 * Moves nodes apart until none covers another on screen at the fitted zoom: noverlap's rule
 * first, then a separation of the discs left overlapping, both in screen pixels and over a spatial
 * hash sized by the discs, so tens of thousands of nodes stay linear (graphology-layout-noverlap's
 * fixed 20×20 grid collects every pair of a crowded cell in one Set, which overflows V8's 2^24
 * entries past about 6,000 nodes in a cell). Each round refits, since spreading nodes out makes
 * the fitted zoom smaller.
 */
function removeOverlaps(graph: SigmaGraph, sigma: SigmaInstance): void {
  for (let round = 0; round < SEPARATION_ROUNDS; round++) {
    if (graph.order < 2) return;
    const view = fittedView(sigma);
    if (!view || !(view.scale > 0)) return;
    const { scale, ratio } = view;
    const radius = (size: number | undefined): number =>
      sigma.scaleSize(size ?? 0, ratio) + GAP_PX / 2;
    const keys = graph.nodes();
    const discs: Disc[] = keys.map((key) => {
      const a = graph.getNodeAttributes(key);
      return { x: a.x * scale, y: a.y * scale, r: radius(a.size) };
    });
    if (round === 0) spreadDiscs(discs, 150);
    const left = separateDiscs(discs);
    keys.forEach((key, i) => {
      const d = discs[i] as Disc;
      graph.mergeNodeAttributes(key, { x: d.x / scale, y: d.y / scale });
    });
    if (left === 0 && round > 0) return;
  }
}

export function settleDrawing(
  explorer: Explorer,
  sigma: SigmaInstance,
  { overlaps = true }: { overlaps?: boolean } = {},
): void {
  const graph = explorer.graph;
  gridIsolated(graph, sigma);
  fitNodeSizes(graph, sigma);
  if (overlaps) removeOverlaps(graph, sigma);
  if (!explorer.cameraTouched()) fitCamera(sigma);
  explorer.markSettled();
}
