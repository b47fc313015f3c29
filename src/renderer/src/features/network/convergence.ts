/**
 * When a force layout has settled: the mean movement of a sample of nodes between two checks,
 * relative to the size of the drawing, stays under a threshold. Pure, so it is unit-tested.
 */
export type Positions = ReadonlyMap<string, { x: number; y: number }>;

export function meanRelativeMovement(before: Positions, after: Positions): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let moved = 0;
  let count = 0;
  for (const [key, p] of after) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
    const q = before.get(key);
    if (!q) continue;
    moved += Math.hypot(p.x - q.x, p.y - q.y);
    count++;
  }
  const extent = Math.max(maxX - minX, maxY - minY, 1e-9);
  return count === 0 ? Infinity : moved / count / extent;
}

/** Converged after `patience` consecutive checks below `threshold`. */
export function createConvergenceDetector(threshold = 0.002, patience = 2) {
  let calm = 0;
  return (movement: number): boolean => {
    calm = movement < threshold ? calm + 1 : 0;
    return calm >= patience;
  };
}
