/**
 * Cypher of the region graph. Nodes come ordered so that a cap keeps whole neighbourhoods: each
 * node is anchored to the first root (consultant, or company in recommendations mode) above it
 * in the hierarchy, and nodes are sorted by (anchor, depth, id) — a consultant, then its field
 * consultants, their companies and products, then the next consultant. Nodes no root reaches
 * come last. A region within the cap skips that ordering: its nodes and relationships are read
 * by plain label and pattern scans. Text is built from the mode tables only; values travel as
 * parameters.
 */
import type { GraphMode, NodeLabel } from '../../../shared/domain';
import { edgePredicate, MODE_EDGES, MODE_LABELS, modeTypes } from './modes';

/** Patterns from a root `c` down to `n`, per label; an empty list marks the root label. */
const ANCHOR_PATTERNS: Record<GraphMode, Partial<Record<NodeLabel, readonly string[]>>> = {
  standard: {
    CONSULTANT: [],
    FIELD_CONSULTANT: ['(c:CONSULTANT)-[:EMPLOYS]->(n)'],
    COMPANY: [
      '(c:CONSULTANT)-[:EMPLOYS]->(:FIELD_CONSULTANT {region: $region})-[:COVERS]->(n)',
      '(c:CONSULTANT)-[:COVERS]->(n)',
    ],
    PRODUCT: [
      '(c:CONSULTANT)-[:EMPLOYS]->(:FIELD_CONSULTANT {region: $region})-[:COVERS]->(:COMPANY {region: $region})-[:OWNS]->(n)',
      '(c:CONSULTANT)-[:COVERS]->(:COMPANY {region: $region})-[:OWNS]->(n)',
    ],
  },
  recommendations: {
    COMPANY: [],
    INCUMBENT_PRODUCT: ['(c:COMPANY)-[:OWNS]->(n)'],
    PRODUCT: ['(c:COMPANY)-[:OWNS]->(:INCUMBENT_PRODUCT {region: $region})-[:BI_RECOMMENDS]->(n)'],
  },
};

function labelBranch(mode: GraphMode, label: NodeLabel, depth: number): string {
  const patterns = ANCHOR_PATTERNS[mode][label] ?? [];
  if (patterns.length === 0)
    return `MATCH (n:${label}) WHERE n.region = $region
  RETURN n, ${depth} AS depth, n.id AS anchor`;
  const sources = patterns.map(
    (pattern) => `OPTIONAL MATCH ${pattern} WHERE c.region = $region RETURN min(c.id) AS a`,
  );
  return `MATCH (n:${label}) WHERE n.region = $region
  CALL (n) {
    ${sources.join('\n    UNION ALL\n    ')}
  }
  WITH n, min(a) AS anchor
  RETURN n, ${depth} AS depth, anchor`;
}

/** Rows: total (nodes of the region in the mode) and nodes (the first $limit, in cap order). */
export function regionNodesQuery(mode: GraphMode): string {
  const branches = MODE_LABELS[mode].map((label, depth) => labelBranch(mode, label, depth));
  return `CALL () {
  ${branches.join('\n  UNION ALL\n  ')}
}
WITH n, depth, anchor ORDER BY anchor, depth, n.id
WITH collect(n) AS ordered
RETURN size(ordered) AS total, ordered[0..$limit] AS nodes`;
}

/**
 * Rows: reached, roots and nodes — the region's neighbourhoods of its first $anchors roots (by
 * id), in cap order, first $limit of them. Each node's anchor is the smallest root id above it,
 * and every root smaller than that is among the first $anchors, so the order equals
 * regionNodesQuery's as far as these neighbourhoods go. The database reads $anchors roots and
 * what they reach, not the whole region. Roots without an id are left to regionNodesQuery.
 */
export function regionAnchoredNodesQuery(mode: GraphMode): string {
  const labels: readonly NodeLabel[] = MODE_LABELS[mode];
  const [root, ...reached] = labels;
  const branches = reached.flatMap((label, index) =>
    (ANCHOR_PATTERNS[mode][label] ?? []).map(
      (pattern) =>
        `MATCH ${pattern} WHERE n:${label} AND n.region = $region RETURN n, ${index + 1} AS depth`,
    ),
  );
  return `MATCH (c:${root ?? ''}) WHERE c.region = $region AND c.id IS NOT NULL
WITH c ORDER BY c.id LIMIT $anchors
CALL (c) {
  RETURN c AS n, 0 AS depth
  UNION ALL
  ${branches.join('\n  UNION ALL\n  ')}
}
WITH n, depth, min(c.id) AS anchor
ORDER BY anchor, depth, n.id
WITH collect(n) AS ordered, sum(CASE depth WHEN 0 THEN 1 ELSE 0 END) AS roots
RETURN size(ordered) AS reached, roots, ordered[0..$limit] AS nodes`;
}

/** Relationships of the mode from the given nodes ($ids: element ids) to nodes of the region. */
export function regionRelationshipsQuery(mode: GraphMode): string {
  return `UNWIND $ids AS id
MATCH (a) WHERE elementId(a) = id
MATCH (a)-[r:${modeTypes(mode)}]->(b)
WHERE b.region = $region AND (${edgePredicate(mode)})
RETURN r`;
}

const unionAll = (branches: string[]): string => `CALL () {
  ${branches.join('\n  UNION ALL\n  ')}
}`;

/** Row: total nodes of the mode in the region. */
export function regionNodeCountQuery(mode: GraphMode): string {
  const branches = MODE_LABELS[mode].map(
    (label) => `MATCH (n:${label}) WHERE n.region = $region RETURN count(n) AS c`,
  );
  return `${unionAll(branches)}
RETURN sum(c) AS total`;
}

/** Rows: every node of the mode in the region. */
export function regionAllNodesQuery(mode: GraphMode): string {
  const branches = MODE_LABELS[mode].map(
    (label) => `MATCH (n:${label}) WHERE n.region = $region RETURN n`,
  );
  return `${unionAll(branches)}
RETURN n`;
}

/** Rows: every relationship of the mode between nodes of the region. */
export function regionAllRelationshipsQuery(mode: GraphMode): string {
  const branches = MODE_EDGES[mode].map(
    ([source, type, target]) =>
      `MATCH (a:${source})-[r:${type}]->(b:${target}) WHERE a.region = $region AND b.region = $region RETURN r`,
  );
  return `${unionAll(branches)}
RETURN r`;
}

/** Row: total relationships of the mode among the region's nodes. */
export function regionRelationshipCountQuery(mode: GraphMode): string {
  const branches = MODE_EDGES[mode].map(
    ([source, type, target]) =>
      `MATCH (a:${source})-[r:${type}]->(b:${target}) WHERE a.region = $region AND b.region = $region RETURN count(r) AS c`,
  );
  return `CALL () {
  ${branches.join('\n  UNION ALL\n  ')}
}
RETURN sum(c) AS total`;
}
