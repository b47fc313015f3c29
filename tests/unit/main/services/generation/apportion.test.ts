import { describe, expect, it } from 'vitest';
import { apportion, offsetsOf } from '../../../../../src/main/services/generation/apportion';

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);

describe('apportion', () => {
  it('splits the whole total by weight', () => {
    expect(Array.from(apportion(10, [1, 1, 2]))).toEqual([3, 2, 5]);
    expect(sum(apportion(1_000, [0.3, 7.1, 2.2, 0.01]))).toBe(1_000);
  });

  it('gives every share at least the minimum and at most the maximum, keeping the total', () => {
    const shares = apportion(20, [100, 1, 1, 1], 1, 8);
    expect(Array.from(shares)).toEqual([8, 4, 4, 4]);
    expect(sum(shares)).toBe(20);
  });

  it('stops at the maximum when the total cannot fit', () => {
    expect(Array.from(apportion(10, [1, 1], 0, 3))).toEqual([3, 3]);
  });

  it('lays groups out one after another', () => {
    expect(Array.from(offsetsOf(Int32Array.from([2, 0, 3])))).toEqual([0, 2, 2, 5]);
  });
});
