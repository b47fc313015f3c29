import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from '../../../../../src/main/services/generation/random';

describe('seeded randomness', () => {
  it('derives stable, distinct stream seeds', () => {
    expect(hashSeed(1, 'NAI', 'COMPANY')).toBe(hashSeed(1, 'NAI', 'COMPANY'));
    expect(hashSeed(1, 'NAI', 'COMPANY')).not.toBe(hashSeed(1, 'EMEA', 'COMPANY'));
    expect(hashSeed(1, 'NAI', 'COMPANY')).not.toBe(hashSeed(2, 'NAI', 'COMPANY'));
  });

  it('repeats a sequence for a seed and stays within its ranges', () => {
    const a = createRng(7);
    const b = createRng(7);
    const first = Array.from({ length: 1_000 }, () => a.int(1, 4));
    expect(Array.from({ length: 1_000 }, () => b.int(1, 4))).toEqual(first);
    expect(new Set(first)).toEqual(new Set([1, 2, 3, 4]));
    const rng = createRng(8);
    for (let i = 0; i < 1_000; i++) {
      const value = rng.float(1, 5, 1);
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(5);
    }
  });

  it('rounds values near zero to 0, never -0 (which an export would not give back)', () => {
    const rng = createRng(9);
    const values = Array.from({ length: 20_000 }, () => rng.float(-0.5, 0.5, 2));
    expect(values.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(values.some((v) => Object.is(v, -0))).toBe(false);
  });

  it('picks by weight', () => {
    const rng = createRng(9);
    const picks = Array.from({ length: 10_000 }, () =>
      rng.weighted([
        ['a', 9],
        ['b', 1],
      ] as const),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.87);
    expect(share).toBeLessThan(0.93);
  });
});
