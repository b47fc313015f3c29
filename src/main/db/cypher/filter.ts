/**
 * Cypher of the filter endpoint: the union of matching paths, restricted to the requested node
 * types ($depths: positions in the mode's hierarchy), ordered for capping like the region graph
 * (by the path root each node is first reached from, then depth, then id), with the paths'
 * relationships whose two ends are of requested types.
 */
import type { GraphMode } from '../../../shared/domain';
import { PATH_HUB, PATH_ROOT, pathsSubquery, rootConditions, type PathFilterField } from './paths';

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

/**
 * Row: reached (matching nodes of the first roots' paths), roots (how many roots had paths),
 * nodes (the first $limit of them in cap order) and rels (their paths' candidate
 * relationships). Roots are read by id, only those with a matching path count, and the database
 * stops after $anchors of them: a node's anchor is the smallest root id of its paths, and every
 * smaller root with paths is among those read, so the order equals filterGraphQuery's as far as
 * these paths go. Roots without an id come last, in no fixed order among themselves.
 */
export function filterAnchoredQuery(mode: GraphMode, fields: readonly PathFilterField[]): string {
  const { variable, label } = PATH_ROOT[mode];
  const conditions = rootConditions(mode, fields);
  return `MATCH (${variable}:${label})${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}
WITH ${variable} ORDER BY ${variable}.id
CALL (${variable}) {
  ${pathsSubquery(mode, fields, variable)}
  ${PATH_SHAPE[mode]}
  RETURN collect([anchor, ns, rs]) AS rootPaths
}
WITH rootPaths WHERE size(rootPaths) > 0
LIMIT $anchors
WITH collect(rootPaths) AS perRoot
CALL (perRoot) {
  UNWIND perRoot AS rootPaths
  UNWIND rootPaths AS path
  RETURN collect(path) AS paths
}
WITH size(perRoot) AS roots, paths
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
RETURN size(ordered) AS reached, roots, ordered[0..$limit] AS nodes, rels`;
}

/**
 * Row: rels, the candidate relationships of every matching path through the given hubs ($hubs:
 * element ids of companies, or of incumbents in recommendations mode). With the paths of the
 * roots kept, these are all the candidates among kept nodes: a relationship that touches no
 * root passes through a hub.
 */
export function filterHubRelationshipsQuery(
  mode: GraphMode,
  fields: readonly PathFilterField[],
): string {
  const { variable, label } = PATH_HUB[mode];
  return `MATCH (${variable}:${label}) WHERE elementId(${variable}) IN $hubs
${pathsSubquery(mode, fields, variable)}
${PATH_SHAPE[mode]}
WITH collect([anchor, ns, rs]) AS paths
CALL (paths) {
  ${EDGE_ROWS}
  RETURN collect(DISTINCT edge[0]) AS rels
}
RETURN rels`;
}
