import { describe, expect, it } from 'vitest';
import {
  FALLBACK_DRAW_NODES,
  decideDrawCapacity,
  isSoftwareRenderer,
} from '../../../src/renderer/src/graph/draw-capacity';
import { inChunks, nextChunkSize } from '../../../src/renderer/src/graph/chunked';

describe('draw capacity', () => {
  it('falls back without WebGL', () => {
    expect(decideDrawCapacity(null).maxNodes).toBe(FALLBACK_DRAW_NODES);
  });
  it('tells SwiftShader from a GPU', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA GeForce RTX 3060)')).toBe(false);
  });
  it('caps a fast GPU at 50k and software WebGL at 20k', () => {
    const fast = { maxTextureSize: 16_384, pointsPerMs: 1e6 };
    expect(decideDrawCapacity({ ...fast, renderer: 'NVIDIA' }).maxNodes).toBe(50_000);
    expect(decideDrawCapacity({ ...fast, renderer: 'SwiftShader' }).maxNodes).toBe(20_000);
  });
  it('follows the timed draw where it is slower, rounded down to thousands', () => {
    const c = decideDrawCapacity({
      renderer: 'SwiftShader',
      maxTextureSize: 8192,
      pointsPerMs: 400,
    });
    expect(c.maxNodes).toBe(13_000);
    expect(c.basis).toContain('SwiftShader');
  });
  it('never goes below 1,000 nor trusts small textures with 50k', () => {
    expect(
      decideDrawCapacity({ renderer: 'x', maxTextureSize: 8192, pointsPerMs: 1 }).maxNodes,
    ).toBe(1_000);
    expect(
      decideDrawCapacity({ renderer: 'x', maxTextureSize: 2048, pointsPerMs: null }).maxNodes,
    ).toBe(20_000);
  });
});

describe('chunked work', () => {
  it('sizes the next chunk by the measured rate, at most doubling', () => {
    expect(nextChunkSize(1000, 100, 50)).toBe(500);
    expect(nextChunkSize(1000, 10, 50)).toBe(2000);
    expect(nextChunkSize(1000, 0, 50)).toBe(2000);
    expect(nextChunkSize(1000, 10_000, 50)).toBe(100);
  });
  it('applies every item once, in order, yielding between chunks', async () => {
    let clock = 0;
    let yields = 0;
    const seen: number[] = [];
    const items = Array.from({ length: 1050 }, (_, i) => i);
    const chunks = await inChunks(
      items,
      (c) => {
        seen.push(...c);
        clock += c.length / 10; // 10 items per ms
      },
      {
        budgetMs: 20,
        firstSize: 100,
        now: () => clock,
        yieldNow: () => Promise.resolve(void yields++),
      },
    );
    expect(seen).toEqual(items);
    // 100 (10 ms) → 200 → 200 … by the 20 ms budget.
    expect(chunks).toBe(6);
    expect(yields).toBe(5);
  });
  it('stops when cancelled', async () => {
    let n = 0;
    const done = await inChunks([1, 2, 3, 4], () => n++, {
      budgetMs: 1,
      firstSize: 1,
      now: () => 0,
      yieldNow: () => Promise.resolve(),
      cancelled: () => n >= 2,
    });
    expect(done).toBeNull();
    expect(n).toBe(2);
  });
});
