/** Small hand-made graphs for the renderer's pure-logic tests. */
import type { GraphNode, GraphRelationship, NeighboursResponse } from '../../../src/shared/api';
import type { NodeLabel, RelationshipType } from '../../../src/shared/domain';

export const node = (
  label: NodeLabel,
  id: string,
  properties: GraphNode['properties'] = {},
): GraphNode => ({
  key: `${label}:${id}`,
  id,
  label,
  name: `${label} ${id}`,
  region: 'NAI',
  properties,
});

export const rel = (
  key: string,
  type: RelationshipType,
  source: GraphNode,
  target: GraphNode,
  properties: GraphRelationship['properties'] = {},
): GraphRelationship => ({ key, type, source: source.key, target: target.key, properties });

export const c1 = node('CONSULTANT', 'C1', { performance: 90, influence: 10 });
export const f1 = node('FIELD_CONSULTANT', 'F1', { fc_total_plan_assets: 1e6 });
export const co1 = node('COMPANY', 'CO1', { aum: 5e8 });
export const p1 = node('PRODUCT', 'P1');
export const p2 = node('PRODUCT', 'P2');

export const base = {
  nodes: [c1, f1, co1],
  relationships: [
    rel('e1', 'EMPLOYS', c1, f1),
    rel('e2', 'COVERS', f1, co1, { level_of_influence: 4 }),
  ],
};

export function page(
  of: GraphNode,
  nodes: GraphNode[],
  relationships: GraphRelationship[],
  total: number,
  offset = 0,
): NeighboursResponse {
  return {
    node: of,
    nodes,
    relationships,
    total,
    offset,
    limit: 50,
    has_more: offset + relationships.length < total,
  };
}
