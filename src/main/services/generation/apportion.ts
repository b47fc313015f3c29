/**
 * Splits a whole total into whole shares by weight (largest remainder), each share at least
 * `min` and at most `max`. The shares add up to the total whenever the bounds allow it, so a
 * skewed split keeps the totals of the requested means.
 */
export function apportion(
  total: number,
  weights: ArrayLike<number>,
  min = 0,
  max = Number.POSITIVE_INFINITY,
): Int32Array {
  const n = weights.length;
  const shares = new Int32Array(n).fill(min);
  let rest = total - min * n;
  let open = Array.from({ length: n }, (_, i) => i);
  while (rest > 0 && open.length > 0) {
    const weight = open.reduce((sum, i) => sum + weights[i]!, 0);
    const exact = open.map((i) =>
      weight > 0 ? (rest * weights[i]!) / weight : rest / open.length,
    );
    let given = 0;
    const remainders: [number, number][] = [];
    open.forEach((i, k) => {
      const whole = Math.min(Math.floor(exact[k]!), max - shares[i]!);
      shares[i]! += whole;
      given += whole;
      remainders.push([i, exact[k]! - Math.floor(exact[k]!)]);
    });
    remainders.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [i] of remainders) {
      if (given >= rest) break;
      if (shares[i]! < max) {
        shares[i]! += 1;
        given += 1;
      }
    }
    if (given === 0) break;
    rest -= given;
    open = open.filter((i) => shares[i]! < max);
  }
  return shares;
}

/** Start of each group in a flat array laid out group after group (one extra entry: the end). */
export function offsetsOf(counts: Int32Array): Int32Array {
  const offsets = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  return offsets;
}
