import { describe, expect, it } from 'vitest';
import {
  MANDATE_COLORS,
  MAX_NODE_SIZE,
  MIN_NODE_SIZE,
  NODE_COLORS,
  NODE_SHAPES,
  NODE_SHAPE_BY_LABEL,
  edgeColor,
  edgeWidth,
  metricValue,
  nodeSize,
  rangeOf,
} from '../../../src/renderer/src/graph/appearance';
import { NODE_LABELS } from '../../../src/shared/domain';
import { co1, c1, f1, p1, rel } from './fixtures';

describe('appearance mapping', () => {
  it('gives each node type its own shape, drawn by a registered sigma program', () => {
    expect(NODE_SHAPE_BY_LABEL).toEqual({
      CONSULTANT: 'circle',
      FIELD_CONSULTANT: 'ring',
      COMPANY: 'square',
      PRODUCT: 'target',
      INCUMBENT_PRODUCT: 'square-dot',
    });
    // Shape alone tells the types apart: no two labels share one.
    expect(new Set(Object.values(NODE_SHAPE_BY_LABEL)).size).toBe(NODE_LABELS.length);
    expect([...NODE_SHAPES].sort()).toEqual(Object.values(NODE_SHAPE_BY_LABEL).sort());
  });

  it('colours OWNS edges by mandate status and other edges by type', () => {
    expect(edgeColor(rel('a', 'OWNS', co1, p1, { mandate_status: 'At Risk' }))).toBe(
      MANDATE_COLORS['At Risk'],
    );
    expect(edgeColor(rel('b', 'OWNS', co1, p1, { mandate_status: 'Active' }))).toBe(
      MANDATE_COLORS.Active,
    );
    expect(edgeColor(rel('c', 'EMPLOYS', c1, f1))).not.toBe(edgeColor(rel('d', 'RATES', c1, p1)));
  });

  it('widens COVERS edges with the level of influence', () => {
    const widths = [1, 2, 3, 4].map((level) =>
      edgeWidth(rel('x', 'COVERS', f1, co1, { level_of_influence: level })),
    );
    expect(widths).toEqual([...widths].sort((a, b) => a - b));
    expect(new Set(widths).size).toBe(4);
  });

  it('sizes by the chosen metric within bounds (square-root scale)', () => {
    expect(metricValue(c1, 'performance', 3)).toBe(90);
    expect(metricValue(c1, 'degree', 3)).toBe(3);
    expect(metricValue(p1, 'aum', 3)).toBeNull();
    const range = rangeOf([0, 100, null]);
    expect(range).toEqual({ min: 0, max: 100 });
    expect(nodeSize(0, range)).toBe(MIN_NODE_SIZE);
    expect(nodeSize(100, range)).toBe(MAX_NODE_SIZE);
    expect(nodeSize(25, range)).toBeCloseTo(MIN_NODE_SIZE + 0.5 * (MAX_NODE_SIZE - MIN_NODE_SIZE));
    expect(nodeSize(null, range)).toBeGreaterThan(MIN_NODE_SIZE);
  });

  it('gives every node type its own colour', () => {
    expect(new Set(Object.values(NODE_COLORS)).size).toBe(Object.keys(NODE_COLORS).length);
  });
});
