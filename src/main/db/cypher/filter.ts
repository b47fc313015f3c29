/**
 * Cypher of the filter endpoint: the union of matching paths, restricted to the requested node
 * types ($depths: positions in the mode's hierarchy), ordered for capping like the region graph
 * (by the path root each node is first reached from, then depth, then id), with the paths'
 * relationships whose two ends are of requested types.
 */
import type { GraphMode } from '../../../shared/domain';
import { pathsSubquery, type PathFilterField } from './paths';

/** Per path: its root's id, its nodes by depth and its relationships with their ends' depths. */
const PATH_SHAPE: Record<GraphMode, string> = {
  standard: `WITH c.id AS anchor, [c, f, co, p] AS ns,
  [[e, 0, 1], [v, CASE WHEN f IS NULL THEN 0 ELSE 1 END, 2], [o, 2, 3], [r, 0, 3]] AS rs`,
  recommendations: `WITH co.id AS anchor, [co, i, p] AS ns, [[o, 0, 1], [b, 1, 2]] AS rs`,
};

/** The matching paths, one list row: `paths` of [anchor, nodes by depth, relationships]. */
const pathsOf = (mode: GraphMode, fields: readonly PathFilterField[]): string =>
  `${pathsSubquery(mode, fields)}
${PATH_SHAPE[mode]}
WITH collect([anchor, ns, rs]) AS paths`;

/** Rows of the paths' nodes of the requested depths: n, depth and its path's anchor. */
const NODE_ROWS = `UNWIND paths AS path
  UNWIND range(0, size(path[1]) - 1) AS depth
  WITH path[0] AS anchor, path[1][depth] AS n, depth
  WHERE n IS NOT NULL AND depth IN $depths`;

/** Rows of the paths' relationships whose two ends are of requested depths: edge[0] is it. */
const EDGE_ROWS = `UNWIND paths AS path
  UNWIND path[2] AS edge
  WITH edge WHERE edge[0] IS NOT NULL AND edge[1] IN $depths AND edge[2] IN $depths`;

/** Row: total (matching nodes), nodes (the first $limit in cap order), rels (all candidates). */
export function filterGraphQuery(mode: GraphMode, fields: readonly PathFilterField[]): string {
  return `${pathsOf(mode, fields)}
CALL (paths) {
  ${NODE_ROWS}
  WITH n, depth, min(anchor) AS anchor
  ORDER BY anchor, depth, n.id
  RETURN collect(n) AS ordered
}
CALL (paths) {
  ${EDGE_ROWS}
  RETURN collect(DISTINCT edge[0]) AS rels
}
RETURN size(ordered) AS total, ordered[0..$limit] AS nodes, rels`;
}

/** Row: nodes and relationships the filter view returns uncapped (the same rows, counted). */
export function filterCountQuery(mode: GraphMode, fields: readonly PathFilterField[]): string {
  return `${pathsOf(mode, fields)}
CALL (paths) {
  ${NODE_ROWS}
  RETURN count(DISTINCT n) AS nodes
}
CALL (paths) {
  ${EDGE_ROWS}
  RETURN count(DISTINCT edge[0]) AS relationships
}
RETURN nodes, relationships`;
}
