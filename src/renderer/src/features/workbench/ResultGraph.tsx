/**
 * A query's nodes and relationships in a small sigma view of their own: nodes on a circle by
 * type, coloured as in the network, named on hover. Over the draw limit it goes through the
 * guard: a notice with the count, the limit and where the limit comes from, and the first part
 * drawn only on request.
 */
import Graph from 'graphology';
import { useEffect, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { GraphData } from '@shared/api';
import { edgeColor, NODE_COLORS } from '../../graph/appearance';
import { capGraphData } from '../../graph/guard';
import { circularLayout } from '../../graph/layouts';

/** The largest graph drawn without asking, and where that figure comes from. */
export type DrawLimit = { maxNodes: number; basis: string };

export function ResultGraph({
  graph,
  limit,
}: {
  graph: GraphData;
  limit: DrawLimit;
}): React.JSX.Element {
  const [drawAnyway, setDrawAnyway] = useState<GraphData | null>(null);
  if (drawAnyway !== graph && graph.nodes.length > limit.maxNodes)
    return (
      <div className="guard result-guard" role="alert" data-testid="result-too-large">
        <h3>
          {graph.nodes.length.toLocaleString('en-US')} nodes in the query result: more than the{' '}
          {limit.maxNodes.toLocaleString('en-US')} this view draws.
        </h3>
        <p className="muted">{limit.basis}</p>
        <p>Narrow the query (a LIMIT, a WHERE), or:</p>
        <button type="button" onClick={() => setDrawAnyway(graph)}>
          Draw the first {limit.maxNodes.toLocaleString('en-US')} anyway
        </button>
      </div>
    );
  return <DrawnGraph graph={capGraphData(graph, limit.maxNodes)} />;
}

function DrawnGraph({ graph }: { graph: GraphData }): React.JSX.Element {
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
