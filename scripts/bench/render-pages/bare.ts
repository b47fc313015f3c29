/**
 * Bench baseline: the same synthetic graph on a bare sigma instance (no React, no app state),
 * positioned by the same layered layout, measured the same way.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import { drawBare } from './bare-graph';
import { panZoom, readParams, sleep, watchLongTasks } from './measure';
import { syntheticGraph } from './synthetic';

async function main(): Promise<void> {
  const params = readParams();
  const data = syntheticGraph(params.nodes, params.edges);
  const { sigma, firstFrameMs } = await drawBare(data, 5);
  const graph = sigma.getGraph();
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
