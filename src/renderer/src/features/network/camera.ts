/**
 * Camera fit that keeps clear of what lies over the canvas: the free rectangle is the canvas
 * minus a margin and minus the overlays (`data-overlay` elements over it, such as the zoom
 * controls), and the nodes' box is framed into it, node sizes included.
 */
import type { CameraState } from 'sigma/types';
import type { SigmaInstance } from '../../state/explorer';

const MARGIN_PX = 16;
const MIN_RATIO = 0.05;

export type Rect = { left: number; top: number; right: number; bottom: number };

/** Boxes (viewport coordinates) of the visible overlays over the canvas. */
export function overlayRects(sigma: SigmaInstance): Rect[] {
  const container = sigma.getContainer();
  const origin = container.getBoundingClientRect();
  const host = container.closest('.network-host') ?? container.parentElement;
  return [...(host?.querySelectorAll('[data-overlay]') ?? [])].flatMap((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return [];
    return [
      {
        left: r.left - origin.left,
        top: r.top - origin.top,
        right: r.right - origin.left,
        bottom: r.bottom - origin.top,
      },
    ];
  });
}

/** The part of the canvas (viewport coordinates) that no overlay covers, less a margin. */
export function freeRect(sigma: SigmaInstance): Rect {
  const { width, height } = sigma.getDimensions();
  const free: Rect = { left: 0, top: 0, right: width, bottom: height };
  for (const box of overlayRects(sigma)) {
    // The overlay gives up the side of the free area that loses the least to it.
    const cuts = [
      { side: 'right' as const, keep: (box.left - free.left) * (free.bottom - free.top) },
      { side: 'left' as const, keep: (free.right - box.right) * (free.bottom - free.top) },
      { side: 'bottom' as const, keep: (box.top - free.top) * (free.right - free.left) },
      { side: 'top' as const, keep: (free.bottom - box.bottom) * (free.right - free.left) },
    ].sort((a, b) => b.keep - a.keep);
    const side = cuts[0]?.side;
    if (side === 'right') free.right = Math.min(free.right, box.left);
    if (side === 'left') free.left = Math.max(free.left, box.right);
    if (side === 'bottom') free.bottom = Math.min(free.bottom, box.top);
    if (side === 'top') free.top = Math.max(free.top, box.bottom);
  }
  return {
    left: free.left + MARGIN_PX,
    top: free.top + MARGIN_PX,
    right: Math.max(free.left + MARGIN_PX + 1, free.right - MARGIN_PX),
    bottom: Math.max(free.top + MARGIN_PX + 1, free.bottom - MARGIN_PX),
  };
}

const REFERENCE: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/** The camera that frames `keys` (all nodes when absent) into the free rectangle. */
function fittedCamera(sigma: SigmaInstance, keys?: readonly string[]): CameraState | null {
  const graph = sigma.getGraph();
  const nodes = keys ?? graph.nodes();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let maxSize = 0;
  const override = { cameraState: REFERENCE };
  for (const key of nodes) {
    if (!graph.hasNode(key)) continue;
    const a = graph.getNodeAttributes(key);
    const p = sigma.graphToViewport({ x: a.x, y: a.y }, override);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
    maxSize = Math.max(maxSize, a.size);
  }
  if (minX > maxX) return null;
  const free = freeRect(sigma);
  const w = Math.max(1, free.right - free.left - 2 * maxSize);
  const h = Math.max(1, free.bottom - free.top - 2 * maxSize);
  const ratio = Math.max(MIN_RATIO, (maxX - minX) / w, (maxY - minY) / h);
  const { width, height } = sigma.getDimensions();
  // The centre of the nodes' box lands on the centre of the free rectangle.
  const bx = (minX + maxX) / 2;
  const by = (minY + maxY) / 2;
  const fx = (free.left + free.right) / 2;
  const fy = (free.top + free.bottom) / 2;
  const q = { x: bx + ratio * (width / 2 - fx), y: by + ratio * (height / 2 - fy) };
  const centre = sigma.viewportToFramedGraph(q, override);
  return { x: centre.x, y: centre.y, ratio, angle: 0 };
}

export type Extent = { minX: number; minY: number; maxX: number; maxY: number };

/**
 * The camera that frames nodes spanning `extent` (graph coordinates, nodes up to `maxSize`) into
 * the free rectangle, and pixels per graph unit under it, as they will be once sigma has taken in
 * positions that changed since its last frame: the normalisation sigma's next frame computes from
 * the extent (its default, rescaled to the nodes' box) is applied here, so no refresh (a full
 * re-index of every node and edge) is needed.
 */
export function fittedViewOf(
  sigma: SigmaInstance,
  extent: Extent,
  maxSize: number,
): { camera: CameraState; scale: number } | null {
  if (!(extent.minX <= extent.maxX && extent.minY <= extent.maxY)) return null;
  const span = Math.max(extent.maxX - extent.minX, extent.maxY - extent.minY) || 1;
  const cx = (extent.maxX + extent.minX) / 2;
  const cy = (extent.maxY + extent.minY) / 2;
  const normalise = (p: { x: number; y: number }) => ({
    x: 0.5 + (p.x - cx) / span,
    y: 0.5 + (p.y - cy) / span,
  });
  const graphDimensions = {
    width: extent.maxX - extent.minX || 1,
    height: extent.maxY - extent.minY || 1,
  };
  const at = (p: { x: number; y: number }, cameraState: CameraState) =>
    sigma.framedGraphToViewport(normalise(p), { cameraState, graphDimensions });
  const a = at({ x: extent.minX, y: extent.minY }, REFERENCE);
  const b = at({ x: extent.maxX, y: extent.maxY }, REFERENCE);
  const minX = Math.min(a.x, b.x);
  const maxX = Math.max(a.x, b.x);
  const minY = Math.min(a.y, b.y);
  const maxY = Math.max(a.y, b.y);
  const free = freeRect(sigma);
  const w = Math.max(1, free.right - free.left - 2 * maxSize);
  const h = Math.max(1, free.bottom - free.top - 2 * maxSize);
  const ratio = Math.max(MIN_RATIO, (maxX - minX) / w, (maxY - minY) / h);
  const { width, height } = sigma.getDimensions();
  const bx = (minX + maxX) / 2;
  const by = (minY + maxY) / 2;
  const fx = (free.left + free.right) / 2;
  const fy = (free.top + free.bottom) / 2;
  const q = { x: bx + ratio * (width / 2 - fx), y: by + ratio * (height / 2 - fy) };
  const centre = sigma.viewportToFramedGraph(q, { cameraState: REFERENCE, graphDimensions });
  const camera = { x: centre.x, y: centre.y, ratio, angle: 0 };
  const o = at({ x: 0, y: 0 }, camera);
  const e = at({ x: 1, y: 0 }, camera);
  return { camera, scale: Math.hypot(e.x - o.x, e.y - o.y) };
}

/** Animates the camera to frame `keys` (all nodes when absent). */
export function fitCamera(sigma: SigmaInstance, keys?: readonly string[], duration = 400): void {
  // Positions may have changed since the last frame: sigma renormalises on a refresh.
  sigma.refresh();
  const target = fittedCamera(sigma, keys);
  if (!target) return;
  if (duration <= 0) sigma.getCamera().setState(target);
  else void sigma.getCamera().animate(target, { duration });
}
