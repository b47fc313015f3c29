/**
 * A query's nodes and relationships in a small sigma view of their own: nodes on a circle by
 * type, coloured as in the network, named on hover.
 */
import Graph from 'graphology';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { GraphData } from '@shared/api';
import { edgeColor, NODE_COLORS } from '../../graph/appearance';
import { circularLayout } from '../../graph/layouts';

export function ResultGraph({ graph }: { graph: GraphData }): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const g = new Graph({ multi: true, type: 'directed' });
    const places = circularLayout(
      graph.nodes.map((n) => ({ key: n.key, type: n.label })),
      'standard',
    );
    for (const node of graph.nodes) {
      const place = places.get(node.key) ?? { x: 0, y: 0 };
      g.addNode(node.key, {
        ...place,
        size: 6,
        label: node.name,
        color: NODE_COLORS[node.label],
      });
    }
    for (const rel of graph.relationships)
      if (g.hasNode(rel.source) && g.hasNode(rel.target))
        g.addDirectedEdgeWithKey(rel.key, rel.source, rel.target, {
          color: edgeColor(rel),
          size: 1.5,
        });
    const sigma = new Sigma(g, element, { allowInvalidContainer: true, renderEdgeLabels: false });
    return () => sigma.kill();
  }, [graph]);
  return (
    <div
      className="result-graph"
      ref={container}
      data-testid="result-graph"
      data-nodes={graph.nodes.length}
      data-relationships={graph.relationships.length}
    />
  );
}
