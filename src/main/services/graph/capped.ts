/**
 * A capped graph response: the kept nodes (already the first `limit` in cap order) and the
 * candidate relationships, of which only those with both ends kept are returned.
 */
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphResponse } from '../../../shared/api';
import type { GraphMode } from '../../../shared/domain';
import { toGraphData } from '../../db/mapping';

export type CappedInput = {
  nodes: Node[];
  relationships: Relationship[];
  totalNodes: number;
  totalRelationships: number;
  limit: number;
  mode: GraphMode;
};

export function cappedGraph(input: CappedInput): GraphResponse {
  const kept = new Set(input.nodes.map((node) => node.elementId));
  const relationships = input.relationships.filter(
    (rel) => kept.has(rel.startNodeElementId) && kept.has(rel.endNodeElementId),
  );
  const graph = toGraphData(input.nodes, relationships);
  return {
    ...graph,
    totals: { nodes: input.totalNodes, relationships: input.totalRelationships },
    truncated: input.totalNodes > input.nodes.length,
    limit: input.limit,
    mode: input.mode,
  };
}
