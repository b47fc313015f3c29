/**
 * Which drawn relationship a pointer is on, with a hit area wider than the line itself: the
 * nearest edge within a few pixels, on screen (viewport) coordinates. Curved edges are measured
 * along their quadratic Bézier, as @sigma/edge-curve draws it.
 */

type Point = { x: number; y: number };
export type ScreenEdge = { key: string; source: Point; target: Point; curvature: number };

/** How far from a relationship (CSS pixels) a click or hover still reaches it. */
const EDGE_HIT_PX = 8;

const CURVE_STEPS = 16;

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * The control point of a curved edge on screen: the edge's midpoint moved along its normal by
 * curvature × length (screen y grows downwards, WebGL's upwards, hence the signs).
 */
export function controlPoint(e: ScreenEdge): Point {
  const dx = e.target.x - e.source.x;
  const dy = e.target.y - e.source.y;
  return {
    x: (e.source.x + e.target.x) / 2 + dy * e.curvature,
    y: (e.source.y + e.target.y) / 2 - dx * e.curvature,
  };
}

export function edgeDistance(p: Point, e: ScreenEdge): number {
  if (e.curvature === 0) return segmentDistance(p, e.source, e.target);
  const c = controlPoint(e);
  let best = Infinity;
  let prev = e.source;
  for (let i = 1; i <= CURVE_STEPS; i++) {
    const t = i / CURVE_STEPS;
    const u = 1 - t;
    const next = {
      x: u * u * e.source.x + 2 * u * t * c.x + t * t * e.target.x,
      y: u * u * e.source.y + 2 * u * t * c.y + t * t * e.target.y,
    };
    best = Math.min(best, segmentDistance(p, prev, next));
    prev = next;
  }
  return best;
}

/** Key of the edge nearest to `p` within `maxDistance`, or null. */
export function nearestEdge(
  p: Point,
  edges: Iterable<ScreenEdge>,
  maxDistance = EDGE_HIT_PX,
): string | null {
  let best: string | null = null;
  let bestDistance = maxDistance;
  for (const e of edges) {
    // Cheap reject: the edge's box (with its bend) grown by the hit distance.
    const c = e.curvature === 0 ? e.source : controlPoint(e);
    const minX = Math.min(e.source.x, e.target.x, c.x) - maxDistance;
    const maxX = Math.max(e.source.x, e.target.x, c.x) + maxDistance;
    const minY = Math.min(e.source.y, e.target.y, c.y) - maxDistance;
    const maxY = Math.max(e.source.y, e.target.y, c.y) + maxDistance;
    if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) continue;
    const d = edgeDistance(p, e);
    if (d <= bestDistance) {
      bestDistance = d;
      best = e.key;
    }
  }
  return best;
}
