/**
 * The benches' drawing baseline: a graph drawn by a bare sigma instance (no React, no app
 * state) at positions from the app's layered layout. Times the layout, the graph build and the
 * first frame.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import type { GraphData } from '../../../src/shared/api';
import { NODE_COLORS } from '../../../src/renderer/src/graph/appearance';
import { layeredLayout } from '../../../src/renderer/src/graph/layouts';

export async function drawBare(
  data: GraphData,
  nodeSize: number,
): Promise<{ sigma: Sigma; firstFrameMs: number }> {
  const t0 = performance.now();
  const positions = layeredLayout(
    data.nodes.map((n) => ({ key: n.key, type: n.label })),
    data.relationships,
    'standard',
  );
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const n of data.nodes) {
    const p = positions.get(n.key) ?? { x: 0, y: 0 };
    graph.addNode(n.key, { ...p, size: nodeSize, color: NODE_COLORS[n.label], label: n.name });
  }
  for (const r of data.relationships)
    graph.addDirectedEdgeWithKey(r.key, r.source, r.target, { size: 1, color: '#adb5bd' });
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  // Sigma draws once inside its constructor; the frame is up at the next animation frame.
  const sigma = new Sigma(graph, container);
  await new Promise((r) => requestAnimationFrame(r));
  return { sigma, firstFrameMs: performance.now() - t0 };
}
