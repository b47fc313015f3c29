/**
 * Cypher of exploration: one node with its degree, a page of its neighbours, name search. Labels
 * and relationship types in the text come from the domain enums; everything else is a parameter.
 */
import { MAX_PATH_LENGTH } from '../../../shared/api';
import { RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../../shared/domain';

/** Degree counts read from the store's per-type counters, one per type and direction. */
const DEGREE_MAP = RELATIONSHIP_TYPES.flatMap((type) => [
  `\`${type}:out\`: COUNT { (n)-[:${type}]->() }`,
  `\`${type}:in\`: COUNT { (n)<-[:${type}]-() }`,
]).join(', ');

export function nodeDetailsQuery(label: NodeLabel): string {
  return `MATCH (n:${label} {id: $id})
RETURN n, COUNT { (n)--() } AS degree, {${DEGREE_MAP}} AS byType`;
}

const typeExpression = (types?: readonly RelationshipType[]): string =>
  types?.length ? `:${types.join('|')}` : '';

/** Row: the node and how many relationships (of the types) it has — counted before paging. */
export function neighbourCountQuery(label: NodeLabel, types?: readonly RelationshipType[]): string {
  return `MATCH (n:${label} {id: $id})
RETURN n, COUNT { (n)-[${typeExpression(types)}]-() } AS total`;
}

/** Rows: one page of relationships and the nodes at their other end, in a stable order. */
export function neighbourPageQuery(label: NodeLabel, types?: readonly RelationshipType[]): string {
  return `MATCH (n:${label} {id: $id})-[r${typeExpression(types)}]-(m)
RETURN r, m
ORDER BY type(r), m.id, elementId(r)
SKIP $offset LIMIT $limit`;
}

export const SEARCH_QUERY = `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WHERE ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND ($regions IS NULL OR node.region IN $regions)
RETURN node, score
ORDER BY score DESC, node.id
LIMIT $limit`;

/** Row: whether each end exists. */
export function pathEndsQuery(from: NodeLabel, to: NodeLabel): string {
  return `OPTIONAL MATCH (a:${from} {id: $from})
OPTIONAL MATCH (b:${to} {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;
}

/**
 * Rows: every shortest path between the two nodes over the types, in any direction. The search
 * is bounded by the largest length accepted; the requested maximum is a parameter (every
 * shortest path has the same length, so filtering them by length loses none that is shorter).
 */
export function shortestPathsQuery(
  from: NodeLabel,
  to: NodeLabel,
  types: readonly RelationshipType[] | undefined,
): string {
  return `MATCH (a:${from} {id: $from}), (b:${to} {id: $to})
MATCH p = allShortestPaths((a)-[${typeExpression(types)}*..${MAX_PATH_LENGTH}]-(b))
WHERE length(p) <= $maxLength
RETURN p
LIMIT $limit`;
}
