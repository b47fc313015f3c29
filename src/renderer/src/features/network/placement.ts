/** Initial and incremental node positions for a sync of the drawn graph. */
import type { GraphMode } from '@shared/domain';
import { circularLayout, layeredLayout, placeNear } from '../../graph/layouts';
import type { Point } from '../../graph/layouts';
import type { VisualGraph } from '../../graph/visual';
import type { LayoutKind } from '../../state/view-state';

export function layoutPositions(
  visual: VisualGraph,
  mode: GraphMode,
  kind: LayoutKind,
): Map<string, Point> {
  const nodes = [...visual.nodes].map(([key, n]) => ({ key, type: n.nodeType }));
  if (kind === 'circular') return circularLayout(nodes, mode);
  return layeredLayout(nodes, [...visual.edges.values()], mode);
}

/**
 * A placer for syncGraph: a node joining a non-empty graph blooms from its placed neighbours;
 * in an empty graph every node takes its layout position.
 */
export function createPlacer(
  visual: VisualGraph,
  fallback: () => Map<string, Point>,
  graphWasEmpty: boolean,
): (key: string, placed: (k: string) => Point | null) => Point {
  // Both indexes are built on the first node that needs them: a filter change that only
  // removes nodes computes no layout at all.
  let positions: Map<string, Point> | null = null;
  let neighbours: Map<string, string[]> | null = null;
  const neighbourIndex = (): Map<string, string[]> => {
    const index = new Map<string, string[]>();
    const link = (a: string, b: string): void => {
      const list = index.get(a);
      if (list) list.push(b);
      else index.set(a, [b]);
    };
    for (const e of visual.edges.values()) {
      link(e.source, e.target);
      link(e.target, e.source);
    }
    return index;
  };
  return (key, placed) => {
    positions ??= fallback();
    const base = positions.get(key) ?? { x: 0, y: 0 };
    if (graphWasEmpty) return base;
    neighbours ??= neighbourIndex();
    const around = (neighbours.get(key) ?? []).flatMap((k) => {
      const p = placed(k);
      return p ? [p] : [];
    });
    return placeNear(key, around, base);
  };
}
