/**
 * `npm run bench:metrics`: every metric (degree centrality, weighted degree, PageRank,
 * betweenness, closeness) and Louvain communities on a 5,000-node synthetic network, computed
 * by the app's metrics worker in headless Chromium, beside the same graphology calls on Node's
 * main thread and on the page's main thread (baselines of the same run). Reports the longest
 * main-thread task while the worker computes (target under 100 ms) and how fast a cancel stops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import {
  METRIC_IDS,
  METRIC_TITLES,
  buildStructure,
  computeMetric,
  metricsInput,
} from '../../src/renderer/src/graph/metrics';
import { aliases } from '../lib/aliases';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { MetricsBenchResult } from './render-pages/metrics';
import { syntheticGraph } from './render-pages/synthetic';
import { serve } from './static-server';

const here = import.meta.dirname;
const NODES = 5_000;
const EDGES = 10_000;

/** The baseline: the same calls on Node's main thread, timed per metric. */
function nodeBaseline(): { total: number; each: [string, number][] } {
  const data = syntheticGraph(NODES, EDGES);
  const started = performance.now();
  const input = metricsInput(
    data.nodes.map((n) => n.key),
    data.relationships,
  );
  const graph = buildStructure(input);
  const each: [string, number][] = [['structure', performance.now() - started]];
  for (const m of METRIC_IDS) {
    const t = performance.now();
    computeMetric(graph, input, m);
    each.push([METRIC_TITLES[m], performance.now() - t]);
  }
  return { total: performance.now() - started, each };
}

async function inChromium(): Promise<Exclude<MetricsBenchResult, { error: string }>> {
  const outDir = mkdtempSync(join(tmpdir(), 'sn-bench-metrics-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'sn-bench-chromium-'));
  await build({
    root: join(here, 'render-pages'),
    base: './',
    logLevel: 'warn',
    resolve: { alias: aliases(resolve(here, '..', '..')) },
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { metrics: join(here, 'render-pages/metrics.html') } },
    },
  });
  const server = await serve(outDir);
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    await page.goto(`${server.url}/metrics.html?nodes=${NODES}&edges=${EDGES}`);
    await page.waitForFunction(() => globalThis.__METRICS_RESULT__ !== undefined, null, {
      timeout: 600_000,
      polling: 500,
    });
    const result = await page.evaluate(() => globalThis.__METRICS_RESULT__);
    if (!result || 'error' in result) throw new Error(`metrics page: ${result?.error}`);
    return result;
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const ms = (v: number): string => `${Math.round(v).toLocaleString('en-US')} ms`.padStart(10);

async function main(): Promise<void> {
  console.log(
    `Metrics bench: ${NODES.toLocaleString('en-US')} nodes, ${EDGES.toLocaleString('en-US')} relationships`,
  );
  const node = nodeBaseline();
  console.log('Building the bench page, measuring in Chromium…');
  const page = await inChromium();
  const ratio = (x: number): string => `${(x / node.total).toFixed(2)}×`;
  console.log(`\nComputed: ${METRIC_IDS.map((m) => METRIC_TITLES[m]).join(', ')}`);
  console.log(`  Node main thread (baseline)        ${ms(node.total)}`);
  for (const [name, t] of node.each) console.log(`    ${name.padEnd(30)} ${ms(t)}`);
  console.log(
    `  Chromium page, main thread         ${ms(page.mainThread.ms)}   ${ratio(page.mainThread.ms)}`,
  );
  console.log(
    `  Chromium, app's metrics worker     ${ms(page.worker.wallMs)}   ${ratio(page.worker.wallMs)}  (computing ${ms(page.worker.computeMs).trim()} in the worker)`,
  );
  console.log('\nMain thread while computing:');
  console.log(
    `  worker:      longest task ${ms(page.worker.longestTaskMs).trim()} (target < 100 ms), ${page.worker.longTasks} long task(s), ${page.worker.fps.toFixed(0)} frames/s`,
  );
  console.log(`  main thread: longest task ${ms(page.mainThread.longestTaskMs).trim()}`);
  console.log(
    `Cancel after ${page.cancel.afterMs} ms: ${page.cancel.cancelled ? 'stopped' : 'NOT stopped'} in ${page.cancel.stoppedInMs.toFixed(1)} ms`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
