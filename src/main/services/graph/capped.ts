/**
 * A capped graph response: the kept nodes (already the first `limit` in cap order) and the
 * candidate relationships, of which only those with both ends kept are returned.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphResponse, GraphTotals } from '../../../shared/api';
import type { GraphMode } from '../../../shared/domain';
import { toGraphData } from '../../db/mapping';

export type CappedInput = {
  nodes: Node[];
  relationships: Relationship[];
  /**
   * The whole view's counts, or null when they were not counted: a view within the cap then
   * totals what it returns, a truncated one answers null (`totals: none`).
   */
  totals: GraphTotals | null;
  /** Nodes past the cap match. */
  truncated: boolean;
  limit: number;
  mode: GraphMode;
};

export function cappedGraph(input: CappedInput): GraphResponse {
  const kept = new Set(input.nodes.map((node) => node.elementId));
  const relationships = input.relationships.filter(
    (rel) => kept.has(rel.startNodeElementId) && kept.has(rel.endNodeElementId),
  );
  const graph = toGraphData(input.nodes, relationships);
  const returned = { nodes: graph.nodes.length, relationships: graph.relationships.length };
  return {
    ...graph,
    totals: input.totals ?? (input.truncated ? null : returned),
    truncated: input.truncated,
    limit: input.limit,
    mode: input.mode,
  };
}
