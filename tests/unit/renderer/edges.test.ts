import { describe, expect, it } from 'vitest';
import { controlPoint, edgeDistance, nearestEdge } from '../../../src/renderer/src/graph/edge-hit';
import { parallelCurvatures } from '../../../src/renderer/src/graph/parallel-edges';

describe('parallel relationships', () => {
  it('leaves a single relationship straight and fans out parallel ones', () => {
    const edges = new Map([
      ['a', { source: 'X', target: 'Y' }],
      ['b', { source: 'X', target: 'Y' }],
      ['c', { source: 'Y', target: 'Z' }],
    ]);
    const curves = parallelCurvatures(edges);
    expect(curves.has('c')).toBe(false);
    expect(curves.get('a')).toBeCloseTo(-(curves.get('b') ?? 0));
    expect(curves.get('a')).not.toBe(0);
  });

  it('puts opposite relationships of one pair on opposite sides of the line', () => {
    const edges = new Map([
      ['a', { source: 'X', target: 'Y' }],
      ['b', { source: 'Y', target: 'X' }],
    ]);
    const curves = parallelCurvatures(edges);
    const side = (
      key: string,
      source: { x: number; y: number },
      target: { x: number; y: number },
    ) => controlPoint({ key, source, target, curvature: curves.get(key) ?? 0 }).y;
    const X = { x: 0, y: 0 };
    const Y = { x: 100, y: 0 };
    // The two control points sit on opposite sides of the horizontal X–Y line.
    expect(Math.sign(side('a', X, Y))).toBe(-Math.sign(side('b', Y, X)));
  });

  it('gives every one of three parallel relationships its own bend', () => {
    const edges = new Map(['a', 'b', 'c'].map((k) => [k, { source: 'X', target: 'Y' }]));
    const values = [...parallelCurvatures(edges).values()];
    expect(new Set(values).size).toBe(3);
    expect(values.every((v) => v !== 0)).toBe(true);
  });
});

describe('relationship hit area', () => {
  const straight = { key: 's', source: { x: 0, y: 0 }, target: { x: 100, y: 0 }, curvature: 0 };

  it('measures the distance to a straight line and to its ends', () => {
    expect(edgeDistance({ x: 50, y: 6 }, straight)).toBeCloseTo(6);
    expect(edgeDistance({ x: 103, y: 4 }, straight)).toBeCloseTo(5);
  });

  it('picks the nearest relationship within 8 px and nothing further away', () => {
    const other = { ...straight, key: 'o', source: { x: 0, y: 10 }, target: { x: 100, y: 10 } };
    expect(nearestEdge({ x: 50, y: 3 }, [straight, other])).toBe('s');
    expect(nearestEdge({ x: 50, y: 7 }, [straight, other])).toBe('o');
    expect(nearestEdge({ x: 50, y: 25 }, [straight, other])).toBeNull();
  });

  it('follows a curve: its bend is hit, the straight chord under it is not', () => {
    const curved = { ...straight, key: 'c', curvature: 0.3 };
    const bend = controlPoint(curved);
    // A quadratic Bézier passes halfway between the chord's midpoint and its control point.
    const apex = { x: (50 + bend.x) / 2, y: (0 + bend.y) / 2 };
    expect(nearestEdge(apex, [curved])).toBe('c');
    expect(nearestEdge({ x: 50, y: 0 }, [curved])).toBeNull();
  });
});
