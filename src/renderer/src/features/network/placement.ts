/** Initial and incremental node positions for a sync of the drawn graph. */
import type { GraphMode } from '@shared/domain';
import type { Dataset } from '../../graph/exploration';
import {
  circularLayout,
  clusterLayout,
  hierarchyLayout,
  layeredLayout,
  nearestConsultant,
  placeArrivals,
} from '../../graph/layouts';
import type { LayoutNode, Point } from '../../graph/layouts';
import type { VisualGraph } from '../../graph/visual';
import type { LayoutKind } from '../../state/view-state';

/** Grouping of the cluster layout: the nearest consultant, or a node field or property. */
const CONSULTANT_GROUP = 'consultant';

function groupsOf(dataset: Dataset, visual: VisualGraph, by: string): Map<string, string> {
  const edges = [...visual.edges.values()];
  if (by === CONSULTANT_GROUP) {
    const nodes = [...visual.nodes].map(([key, n]) => ({ key, type: n.nodeType }));
    return nearestConsultant(nodes, edges);
  }
  const out = new Map<string, string>();
  for (const [key, node] of dataset.nodes) {
    const value = by === 'label' ? node.label : by === 'region' ? node.region : node.properties[by];
    out.set(key, typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  }
  return out;
}

export function layoutPositions(
  dataset: Dataset,
  visual: VisualGraph,
  mode: GraphMode,
  kind: LayoutKind,
  clusterBy: string,
): Map<string, Point> {
  const edges = [...visual.edges.values()];
  const groups = kind === 'cluster' ? groupsOf(dataset, visual, clusterBy) : null;
  const nodes: LayoutNode[] = [...visual.nodes].map(([key, n]) => ({
    key,
    type: n.nodeType,
    label: n.label,
    group: groups?.get(key),
  }));
  if (kind === 'circular') return circularLayout(nodes, mode);
  if (kind === 'hierarchy') return hierarchyLayout(nodes, edges, mode);
  if (kind === 'cluster') return clusterLayout(nodes);
  if (kind === 'layered') return layeredLayout(nodes, edges, mode);
  // ForceAtlas2 starts from every component grown outward from its best connected node.
  return placeArrivals(
    nodes.map((n) => n.key),
    new Map(),
    edges,
  );
}

/**
 * Positions for the nodes a sync adds to a drawn graph: remembered ones (undo, a saved view)
 * where they were, the others near their drawn neighbours (see placeArrivals).
 */
export function arrivalPositions(
  visual: VisualGraph,
  drawn: ReadonlyMap<string, Point>,
  remembered: ReadonlyMap<string, Point> | null,
): Map<string, Point> {
  const placed = new Map(drawn);
  const out = new Map<string, Point>();
  const arrivals: string[] = [];
  for (const key of visual.nodes.keys()) {
    if (placed.has(key)) continue;
    const p = remembered?.get(key);
    if (p) {
      placed.set(key, p);
      out.set(key, p);
    } else arrivals.push(key);
  }
  if (arrivals.length > 0) {
    for (const [k, p] of placeArrivals(arrivals, placed, [...visual.edges.values()])) out.set(k, p);
  }
  return out;
}
