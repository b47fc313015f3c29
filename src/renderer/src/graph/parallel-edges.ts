/**
 * Parallel relationships (several between one pair of nodes, in either direction) are drawn as
 * curves fanned out around the straight line, so each stays visible and can be picked.
 */

type EdgeEnds = { source: string; target: string };

/** Curvature of the outermost of two parallel edges; more edges spread between ±this·(n−1)/2. */
const CURVATURE_STEP = 0.35;

/**
 * Curvature of every edge that has a parallel one (absent: drawn straight). The curvature is
 * relative to the edge's own direction, so an edge running the other way has its sign flipped to
 * land on the side its index gives it.
 */
export function parallelCurvatures(edges: ReadonlyMap<string, EdgeEnds>): Map<string, number> {
  // By lower end, then higher end: the edge between them, or all of them once there are two
  // (most pairs hold one edge: no list and no joined pair key for each).
  const byPair = new Map<string, Map<string, string | string[]>>();
  const parallel: string[][] = [];
  for (const [key, e] of edges) {
    const forward = e.source < e.target;
    const low = forward ? e.source : e.target;
    const high = forward ? e.target : e.source;
    let ends = byPair.get(low);
    if (!ends) {
      ends = new Map();
      byPair.set(low, ends);
    }
    const seen = ends.get(high);
    if (seen === undefined) ends.set(high, key);
    else if (typeof seen === 'string') {
      const list = [seen, key];
      ends.set(high, list);
      parallel.push(list);
    } else seen.push(key);
  }
  const out = new Map<string, number>();
  for (const keys of parallel) {
    keys.sort();
    const middle = (keys.length - 1) / 2;
    keys.forEach((key, i) => {
      const e = edges.get(key);
      if (!e) return;
      // Ordered pairs share one orientation: the lower key is the reference source.
      const forward = e.source <= e.target;
      const offset = (i - middle) * CURVATURE_STEP;
      // An odd count keeps a slight bend on the middle edge, so it is also a curve to pick.
      const curvature = offset === 0 ? CURVATURE_STEP / 4 : offset;
      out.set(key, forward ? curvature : -curvature);
    });
  }
  return out;
}
