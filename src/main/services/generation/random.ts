/**
 * Deterministic randomness. Every stream of the generator (one per region and label or
 * relationship type) has its own seeded generator, so a region's data depends only on the seed
 * and its parameters, and rows can be produced lazily, batch by batch, in a fixed order.
 */

/** FNV-1a over the parts: a stable 32-bit seed for one stream. */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [min, max], both included. */
  int: (min: number, max: number) => number;
  /** Uniform in [min, max), rounded to `decimals`. */
  float: (min: number, max: number, decimals?: number) => number;
  chance: (probability: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Picks by relative weight. */
  weighted: <T>(items: readonly (readonly [T, number])[]) => T;
  /** Normally distributed (Box–Muller). */
  normal: (mean: number, sd: number) => number;
};

const round = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  // `+ 0` turns -0 into 0: a value that rounds to zero is stored, exported and read back as 0.
  return Math.round(value * factor) / factor + 0;
};

/** sfc32: small, fast and well distributed; far quicker than faker's generator for numbers. */
export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)]!;
  };
  return {
    next,
    int,
    float: (min, max, decimals = 2) => round(min + next() * (max - min), decimals),
    chance: (probability) => next() < probability,
    pick,
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    normal: (mean, sd) => {
      const u = 1 - next();
      const v = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}

export const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** Log-normal amount around `median`, whole units. */
export function amount(rng: Rng, median: number, spread = 1): number {
  return Math.round(Math.exp(rng.normal(Math.log(median), spread)));
}
