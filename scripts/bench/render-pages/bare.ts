/**
 * Bench baseline: the same synthetic graph on a bare sigma instance (no React, no app state),
 * positioned by the same layered layout, measured the same way.
 */
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { NODE_COLORS } from '../../../src/renderer/src/graph/appearance';
import { layeredLayout } from '../../../src/renderer/src/graph/layouts';
import { panZoom, readParams, sleep, watchLongTasks } from './measure';
import { syntheticGraph } from './synthetic';

async function main(): Promise<void> {
  const params = readParams();
  const data = syntheticGraph(params.nodes, params.edges);
  const t0 = performance.now();
  const positions = layeredLayout(
    data.nodes.map((n) => ({ key: n.key, type: n.label })),
    data.relationships,
    'standard',
  );
  const graph = new Graph({ multi: true, type: 'directed' });
  for (const n of data.nodes) {
    const p = positions.get(n.key) ?? { x: 0, y: 0 };
    graph.addNode(n.key, { ...p, size: 5, color: NODE_COLORS[n.label], label: n.name });
  }
  for (const r of data.relationships)
    graph.addDirectedEdgeWithKey(r.key, r.source, r.target, { size: 1, color: '#adb5bd' });
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root');
  // Sigma draws once inside its constructor; the frame is up at the next animation frame.
  const sigma = new Sigma(graph, container);
  await new Promise((r) => requestAnimationFrame(r));
  const firstFrameMs = performance.now() - t0;
  globalThis.__BENCH_PHASE__ = 'pan';
  await sleep(300);
  const frameTimes = await panZoom(sigma.getCamera(), params.frames);
  const stop = watchLongTasks(sigma);
  globalThis.__BENCH_PHASE__ = 'fa2';
  const layout = new FA2Layout(graph, {
    settings: { ...inferSettings(graph), barnesHutOptimize: graph.order > 1000 },
    getEdgeWeight: null,
  });
  layout.start();
  await sleep(params.fa2Ms);
  layout.kill();
  globalThis.__BENCH_RESULT__ = { firstFrameMs, frameTimes, longTasksDuringFa2: stop() };
}

main().catch((e: unknown) => {
  globalThis.__BENCH_RESULT__ = { error: e instanceof Error ? e.message : String(e) };
});
