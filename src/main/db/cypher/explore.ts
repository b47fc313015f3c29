/**
 * Cypher of exploration: one node with its degree, a page of its neighbours, ranked search, the
 * shortest paths between two nodes. Labels and relationship types in the text come from the
 * domain enums and lengths from constants; everything else is a parameter.
 */
import { MAX_PATH_LENGTH } from '../../../shared/api';
import {
  NODE_LABELS,
  RELATIONSHIP_TYPES,
  type NodeLabel,
  type RelationshipType,
} from '../../../shared/domain';

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

/** Nodes whose id begins with $id, label by label (through each label's uniqueness index). */
const ID_CANDIDATES = NODE_LABELS.map(
  (label) => `MATCH (node:${label}) WHERE node.id STARTS WITH $id
    RETURN node, CASE node.id WHEN $id THEN 2.0 ELSE 1.0 END AS score LIMIT $candidates`,
).join('\n    UNION ALL\n    ');

const TEXT_CANDIDATES = `CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates})
YIELD node, score`;

/**
 * One row: how many nodes match (of the candidates) and one page of them, ranked: exact id or
 * name (tier 0), in view (1), in the current region (2), the rest (3); by score within a tier.
 * An id-like query looks up ids; any other query the full-text index of names and ids.
 */
export function searchQuery(byId: boolean): string {
  const candidates = byId ? `CALL () {\n    ${ID_CANDIDATES}\n}` : TEXT_CANDIDATES;
  return `${candidates}
WITH node, score
WHERE ($labels IS NULL OR any(label IN labels(node) WHERE label IN $labels))
  AND ($regions IS NULL OR node.region IN $regions)
WITH node, score, CASE
    WHEN node.id = $id OR toLower(node.name) = $name THEN 0
    WHEN labels(node)[0] + ':' + node.id IN $near THEN 1
    WHEN node.region = $region THEN 2
    ELSE 3
  END AS tier
ORDER BY tier, score DESC, node.id
WITH collect({node: node, score: score, tier: tier}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $limit)] AS page`;
}

/** Row: whether each end exists. */
export function pathEndsQuery(from: NodeLabel, to: NodeLabel): string {
  return `OPTIONAL MATCH (a:${from} {id: $from})
OPTIONAL MATCH (b:${to} {id: $to})
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound`;
}

/**
 * Rows: every shortest path between the two nodes over the types, in any direction, of at most
 * `maxLength` relationships. The bound is part of the pattern (an integer the request schema
 * holds to 1…MAX_PATH_LENGTH): a predicate on the path's length instead would make the database
 * fall back to an exhaustive search when no short path exists.
 */
export function shortestPathsQuery(
  from: NodeLabel,
  to: NodeLabel,
  types: readonly RelationshipType[] | undefined,
  maxLength: number,
): string {
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_PATH_LENGTH)
    throw new RangeError(`maxLength must be an integer from 1 to ${MAX_PATH_LENGTH}`);
  return `MATCH (a:${from} {id: $from}), (b:${to} {id: $to})
MATCH p = allShortestPaths((a)-[${typeExpression(types)}*..${maxLength}]-(b))
RETURN p
LIMIT $limit`;
}

/** Rows: the node, and each relationship to one of the nodes named by key with that node. */
export function linksQuery(label: NodeLabel): string {
  return `MATCH (n:${label} {id: $id})
OPTIONAL MATCH (n)-[r]-(m)
WHERE labels(m)[0] + ':' + m.id IN $among
RETURN n, r, m`;
}
