/**
 * Overlap removal on discs held in typed arrays (centre x, y and radius per disc), so a drawing
 * of tens of thousands of nodes can be handed to a web worker without copying objects: noverlap's
 * rule to spread dense regions out, then a separation of the pairs left, both over a spatial hash.
 */

export type Discs = {
  x: Float64Array<ArrayBuffer>;
  y: Float64Array<ArrayBuffer>;
  r: Float64Array<ArrayBuffer>;
};

export function discsOf(list: readonly { x: number; y: number; r: number }[]): Discs {
  const discs = {
    x: new Float64Array(list.length),
    y: new Float64Array(list.length),
    r: new Float64Array(list.length),
  };
  list.forEach((d, i) => {
    discs.x[i] = d.x;
    discs.y[i] = d.y;
    discs.r[i] = d.r;
  });
  return discs;
}

/** A direction fixed by the pair, for discs whose centres coincide. */
const pairAngle = (i: number, j: number): number => (((i * 7 + j * 13) % 360) * Math.PI) / 180;

/**
 * A spatial hash of cells twice the discs' mean diameter, rebuilt by `forEachPair` on every call
 * (the discs move between calls) in arrays kept from one call to the next. Each disc goes into
 * every cell its bounding box covers; cells are bucketed by a hash of their coordinates (counting
 * sort, no Map), and a pair is visited only in the cell holding the corner of its boxes' common
 * cells, so the work grows with the number of discs and close pairs, never with all pairs of a
 * crowded region.
 */
class DiscHash {
  private readonly cell: number;
  private readonly box: Int32Array;
  private entryCell = new Float64Array(0);
  private entryDisc = new Int32Array(0);
  private bucketStart = new Int32Array(0);
  private order = new Int32Array(0);

  constructor(private readonly discs: Discs) {
    const n = discs.r.length;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += discs.r[i] as number;
    this.cell = Math.max((4 * sum) / Math.max(1, n), 1e-9);
    this.box = new Int32Array(4 * n);
  }

  /** Calls `visit(i, j)` (i < j in hash order) once for every pair of discs sharing a cell. */
  forEachPair(visit: (i: number, j: number) => void): void {
    const { x, y, r } = this.discs;
    const n = r.length;
    if (n < 2) return;
    const { box, cell } = this;
    let entries = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      const yi = y[i] as number;
      const ri = r[i] as number;
      const x0 = Math.floor((xi - ri) / cell);
      const y0 = Math.floor((yi - ri) / cell);
      const x1 = Math.floor((xi + ri) / cell);
      const y1 = Math.floor((yi + ri) / cell);
      box[4 * i] = x0;
      box[4 * i + 1] = y0;
      box[4 * i + 2] = x1;
      box[4 * i + 3] = y1;
      entries += (x1 - x0 + 1) * (y1 - y0 + 1);
      if (x0 < minX) minX = x0;
      if (y0 < minY) minY = y0;
      if (y1 > maxY) maxY = y1;
    }
    const rows = maxY - minY + 1;
    let buckets = 1;
    while (buckets < 2 * entries) buckets *= 2;
    if (this.entryCell.length < entries) {
      this.entryCell = new Float64Array(entries);
      this.entryDisc = new Int32Array(entries);
      this.order = new Int32Array(entries);
    }
    if (this.bucketStart.length < buckets + 1) this.bucketStart = new Int32Array(buckets + 1);
    const { entryCell, entryDisc, order } = this;
    const start = this.bucketStart.subarray(0, buckets + 1);
    start.fill(0);
    const mask = buckets - 1;
    const bucketOf = (key: number): number => (Math.imul(key | 0, 0x9e3779b1) >>> 0) & mask;
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let cx = box[4 * i] as number; cx <= (box[4 * i + 2] as number); cx++) {
        for (let cy = box[4 * i + 1] as number; cy <= (box[4 * i + 3] as number); cy++) {
          const key = (cx - minX) * rows + (cy - minY);
          entryCell[e] = key;
          entryDisc[e] = i;
          e++;
          const b = bucketOf(key) + 1;
          start[b] = (start[b] as number) + 1;
        }
      }
    }
    for (let b = 0; b < buckets; b++)
      start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    const fill = start.slice(0, buckets);
    for (let k = 0; k < entries; k++) {
      const b = bucketOf(entryCell[k] as number);
      const at = fill[b] as number;
      order[at] = k;
      fill[b] = at + 1;
    }
    for (let b = 0; b < buckets; b++) {
      const from = start[b] as number;
      const to = start[b + 1] as number;
      for (let a = from; a < to; a++) {
        const ea = order[a] as number;
        const key = entryCell[ea] as number;
        const i = entryDisc[ea] as number;
        const cx = Math.floor(key / rows) + minX;
        const cy = (key % rows) + minY;
        for (let c = a + 1; c < to; c++) {
          const eb = order[c] as number;
          // Another cell that hashed into the same bucket.
          if (entryCell[eb] !== key) continue;
          const j = entryDisc[eb] as number;
          const ownerX = Math.max(box[4 * i] as number, box[4 * j] as number);
          const ownerY = Math.max(box[4 * i + 1] as number, box[4 * j + 1] as number);
          if (ownerX === cx && ownerY === cy) visit(i, j);
        }
      }
    }
  }
}

/**
 * Noverlap's rule: each pass, of every overlapping pair the later disc steps away from the
 * earlier by (1 + its radius) × 0.3, until none overlaps or `maxIterations` passes; returns
 * whether none overlaps. Spreads dense regions out before `separateDiscs` finishes.
 */
export function spreadDiscs(discs: Discs, maxIterations = 150): boolean {
  const { x, y, r } = discs;
  const n = r.length;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const hash = new DiscHash(discs);
  for (let pass = 0; pass < maxIterations; pass++) {
    dx.fill(0);
    dy.fill(0);
    let overlaps = false;
    hash.forEachPair((p, q) => {
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      const ex = (x[j] as number) - (x[i] as number);
      const ey = (y[j] as number) - (y[i] as number);
      const d = Math.sqrt(ex * ex + ey * ey);
      const ri = r[i] as number;
      if (d >= ri + (r[j] as number)) return;
      overlaps = true;
      const angle = d > 0 ? Math.atan2(ey, ex) : pairAngle(i, j);
      dx[j] = (dx[j] as number) + Math.cos(angle) * (1 + ri);
      dy[j] = (dy[j] as number) + Math.sin(angle) * (1 + ri);
    });
    if (!overlaps) return true;
    for (let i = 0; i < n; i++) {
      x[i] = (x[i] as number) + (dx[i] as number) * 0.3;
      y[i] = (y[i] as number) + (dy[i] as number) * 0.3;
    }
  }
  return false;
}

/**
 * Pushes overlapping discs apart, each overlapping pair by its overlap shared between the two,
 * until none overlaps or `maxIterations` passes; returns the number of overlaps in the last pass.
 * Used after `spreadDiscs`, whose steps can leave some pairs overlapping in dense drawings.
 */
export function separateDiscs(discs: Discs, maxIterations = 60): number {
  const { x, y, r } = discs;
  const hash = new DiscHash(discs);
  let overlaps = 0;
  for (let pass = 0; pass < maxIterations; pass++) {
    overlaps = 0;
    hash.forEachPair((p, q) => {
      const i = Math.min(p, q);
      const j = Math.max(p, q);
      const ex = (x[j] as number) - (x[i] as number);
      const ey = (y[j] as number) - (y[i] as number);
      const d = Math.sqrt(ex * ex + ey * ey);
      const min = (r[i] as number) + (r[j] as number);
      if (d >= min) return;
      overlaps++;
      const angle = d > 0 ? Math.atan2(ey, ex) : pairAngle(i, j);
      const push = (min - d) / 2 + 1e-3;
      x[i] = (x[i] as number) - push * Math.cos(angle);
      y[i] = (y[i] as number) - push * Math.sin(angle);
      x[j] = (x[j] as number) + push * Math.cos(angle);
      y[j] = (y[j] as number) + push * Math.sin(angle);
    });
    if (overlaps === 0) break;
  }
  return overlaps;
}

/**
 * One round of the settle's overlap removal, as the worker runs it: spreading first when asked,
 * then the separation. Returns the overlaps left and how far the farthest disc moved.
 */
export function removeDiscOverlaps(
  discs: Discs,
  { spread, spreadPasses = 150, separatePasses = 60 }: OverlapPasses,
): { left: number; moved: number } {
  const x0 = discs.x.slice();
  const y0 = discs.y.slice();
  if (spread) spreadDiscs(discs, spreadPasses);
  const left = separateDiscs(discs, separatePasses);
  let moved = 0;
  for (let i = 0; i < x0.length; i++)
    moved = Math.max(
      moved,
      Math.hypot(
        (discs.x[i] as number) - (x0[i] as number),
        (discs.y[i] as number) - (y0[i] as number),
      ),
    );
  return { left, moved };
}

export type OverlapPasses = { spread: boolean; spreadPasses?: number; separatePasses?: number };
