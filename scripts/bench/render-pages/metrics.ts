/**
 * The metrics bench page: every metric and Louvain on a synthetic graph through the app's
 * metrics worker (the page's main thread watched for long tasks and frames meanwhile), a run
 * cancelled part-way, then the same graphology calls on the page's main thread as a baseline.
 */
import {
  METRIC_IDS,
  buildStructure,
  computeMetric,
  metricsInput,
} from '../../../src/renderer/src/graph/metrics';
import { MetricsCancelled, runMetrics } from '../../../src/renderer/src/graph/metrics-runner';
import { syntheticGraph } from './synthetic';

export type MetricsBenchResult =
  | {
      nodes: number;
      edges: number;
      worker: {
        wallMs: number;
        computeMs: number;
        longestTaskMs: number;
        longTasks: number;
        fps: number;
      };
      mainThread: { ms: number; longestTaskMs: number };
      cancel: { afterMs: number; stoppedInMs: number; cancelled: boolean };
    }
  | { error: string };

declare global {
  var __METRICS_RESULT__: MetricsBenchResult | undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Long tasks and frames on the main thread until the returned function is called. */
function watchMainThread(): () => { tasks: number[]; frames: number } {
  const tasks: number[] = [];
  let frames = 0;
  let watching = true;
  const frame = (): void => {
    if (!watching) return;
    frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ entryTypes: ['longtask'] });
  return () => {
    watching = false;
    for (const e of observer.takeRecords()) tasks.push(e.duration);
    observer.disconnect();
    return { tasks, frames };
  };
}

async function main(): Promise<MetricsBenchResult> {
  const params = new URLSearchParams(location.search);
  const data = syntheticGraph(
    Number(params.get('nodes') ?? 5000),
    Number(params.get('edges') ?? 10000),
  );
  const input = metricsInput(
    data.nodes.map((n) => n.key),
    data.relationships,
  );

  await sleep(200);
  const stop = watchMainThread();
  const started = performance.now();
  const { ms: computeMs } = await runMetrics(input, METRIC_IDS).result;
  const wallMs = performance.now() - started;
  await sleep(100);
  const watched = stop();

  const afterMs = 300;
  const run = runMetrics(input, METRIC_IDS);
  await sleep(afterMs);
  const cancelAt = performance.now();
  run.cancel();
  const cancelled = await run.result.then(
    () => false,
    (e: unknown) => e instanceof MetricsCancelled,
  );
  const stoppedInMs = performance.now() - cancelAt;

  await sleep(200);
  const stopMain = watchMainThread();
  const mainStarted = performance.now();
  const graph = buildStructure(input);
  for (const m of METRIC_IDS) computeMetric(graph, input, m);
  const mainMs = performance.now() - mainStarted;
  await sleep(100);
  const main = stopMain();

  return {
    nodes: input.nodes.length,
    edges: input.edges.length,
    worker: {
      wallMs,
      computeMs,
      longestTaskMs: Math.max(0, ...watched.tasks),
      longTasks: watched.tasks.length,
      fps: (watched.frames * 1000) / (wallMs + 100),
    },
    mainThread: { ms: mainMs, longestTaskMs: Math.max(0, ...main.tasks) },
    cancel: { afterMs, stoppedInMs, cancelled },
  };
}

main().then(
  (r) => (globalThis.__METRICS_RESULT__ = r),
  (e: unknown) => (globalThis.__METRICS_RESULT__ = { error: String(e) }),
);
