/**
 * Cypher of exploration: one node with its degree, a page of its neighbours, name search. Labels
 * and relationship types in the text come from the domain enums; everything else is a parameter.
 */
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
