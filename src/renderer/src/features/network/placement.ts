/** Initial and incremental node positions for a sync of the drawn graph. */
import type { GraphMode } from '../../../../shared/domain';
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
  fallback: Map<string, Point>,
  graphWasEmpty: boolean,
): (key: string, placed: (k: string) => Point | null) => Point {
  const neighbours = new Map<string, string[]>();
  const link = (a: string, b: string): void => {
    const list = neighbours.get(a);
    if (list) list.push(b);
    else neighbours.set(a, [b]);
  };
  for (const e of visual.edges.values()) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return (key, placed) => {
    const base = fallback.get(key) ?? { x: 0, y: 0 };
    if (graphWasEmpty) return base;
    const around = (neighbours.get(key) ?? []).flatMap((k) => {
      const p = placed(k);
      return p ? [p] : [];
    });
    return placeNear(key, around, base);
  };
}
