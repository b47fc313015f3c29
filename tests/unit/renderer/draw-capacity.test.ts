import { describe, expect, it } from 'vitest';
import {
  FALLBACK_DRAW_NODES,
  decideDrawCapacity,
  isSoftwareRenderer,
} from '../../../src/renderer/src/graph/draw-capacity';
import { inChunks, nextChunkSize, showStreamPart } from '../../../src/renderer/src/graph/chunked';

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
  it('shows a view still arriving each time it has doubled, and once its nodes are whole', () => {
    expect(showStreamPart(0, 1000, false)).toBe(true);
    expect(showStreamPart(1000, 1999, false)).toBe(false);
    expect(showStreamPart(1000, 2000, false)).toBe(true);
    expect(showStreamPart(8000, 9000, true)).toBe(true);
    // Over a stream of 2,000-item chunks, the items shown add up to about twice the whole.
    let shown = 0;
    let derived = 0;
    for (let arrived = 2000; arrived <= 48_000; arrived += 2000) {
      if (!showStreamPart(shown, arrived, arrived === 20_000)) continue;
      shown = arrived;
      derived += arrived;
    }
    expect(derived).toBeLessThanOrEqual(2 * 48_000);
    expect(derived).toBeGreaterThan(48_000);
  });
});
