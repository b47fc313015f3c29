import { describe, expect, it } from 'vitest';
import { measure } from '../../../scripts/bench/layout-picture';

const canvas = {
  width: 200,
  height: 200,
  free: { left: 0, top: 0, right: 100, bottom: 100 },
  overlays: [],
};
const node = (key: string, x: number, y: number, size: number) => ({ key, x, y, size });

describe('the picture measures', () => {
  it('tells overlapping, touching, stacked and hidden nodes apart', () => {
    const m = measure({
      nodes: [
        // a and b: b's centre under a's disc.
        node('a', 50, 50, 3),
        node('b', 52, 50, 1),
        // c and d: 1.8 px apart, radii 1: touching, within the half pixel spare, stacked.
        node('c', 20, 20, 1),
        node('d', 21.8, 20, 1),
        // e alone.
        node('e', 80, 80, 1),
      ],
      labels: [],
      canvas,
    });
    expect(m.overlappingPairs).toBe(1);
    expect(m.touchingPairs).toBe(2);
    expect(m.stackedShare).toBeCloseTo(4 / 5);
    expect(m.hiddenShare).toBeCloseTo(2 / 5);
    expect(m.spacingPx).toBeCloseTo(Math.sqrt((100 * 100) / 5));
  });
});
