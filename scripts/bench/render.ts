/**
 * `npm run bench:render`: builds the bench pages (the app's NetworkView, and a bare sigma page as
 * the baseline), serves them, and measures both in headless Chromium with WebGL on SwiftShader:
 * time to first frame, median/p95 frame time over a scripted pan/zoom, and main-thread long
 * tasks while ForceAtlas2 runs. Prints absolute figures and app/baseline ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { aliases } from '../lib/aliases';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import type { BenchResult, LongTask } from './render-result';
import { percentile, summarise } from './render-stats';
import { serve } from './static-server';

const here = import.meta.dirname;
const CASES = [
  { name: '5k', nodes: 5_000, edges: 10_000, frames: 60, fa2: 5_000, timeout: 180_000 },
  { name: '10k', nodes: 10_000, edges: 20_000, frames: 40, fa2: 5_000, timeout: 300_000 },
  // SwiftShader draws 50k nodes at a few frames per second: fewer frames keep the run bounded.
  { name: '50k', nodes: 50_000, edges: 100_000, frames: 12, fa2: 5_000, timeout: 600_000 },
];
const only = process.argv.slice(2);
if (process.env.BENCH_SMALL)
  CASES.unshift({ name: 'tiny', nodes: 200, edges: 400, frames: 10, fa2: 1_000, timeout: 60_000 });

async function buildPages(outDir: string): Promise<void> {
  await build({
    root: join(here, 'render-pages'),
    base: './',
    logLevel: 'warn',
    resolve: { alias: aliases(resolve(here, '..', '..')) },
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: {
        input: {
          app: join(here, 'render-pages/app.html'),
          bare: join(here, 'render-pages/bare.html'),
        },
      },
    },
  });
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'sn-bench-render-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'sn-bench-chromium-'));
  console.log('Building bench pages…');
  await buildPages(outDir);
  const server = await serve(outDir);
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  try {
    // A cold browser penalises whichever page loads first: warm both up on a tiny graph.
    for (const page of ['bare', 'app']) {
      const tab = await browser.newPage();
      await tab.goto(`${server.url}/${page}.html?nodes=200&edges=400&frames=5&fa2=200`);
      await tab.waitForFunction(() => globalThis.__BENCH_RESULT__ !== undefined, null, {
        timeout: 60_000,
      });
      await tab.close();
    }
    for (const c of CASES.filter((c) => only.length === 0 || only.includes(c.name))) {
      const results: Record<string, BenchResult> = {};
      for (const page of ['bare', 'app'] as const) {
        const tab = await browser.newPage();
        tab.on('pageerror', (e) => console.error(`  ${page} page error: ${e.message}`));
        tab.on('console', (m) => {
          if (m.type() === 'error') console.error(`  ${page} console: ${m.text()}`);
        });
        const started = Date.now();
        await tab.goto(
          `${server.url}/${page}.html?nodes=${c.nodes}&edges=${c.edges}&frames=${c.frames}&fa2=${c.fa2}`,
        );
        await tab.waitForFunction(() => globalThis.__BENCH_RESULT__ !== undefined, null, {
          timeout: c.timeout,
          polling: 500,
        });
        const result = await tab.evaluate(() => globalThis.__BENCH_RESULT__);
        await tab.close();
        if (!result || 'error' in result) throw new Error(`${page} ${c.name}: ${result?.error}`);
        results[page] = result;
        console.log(
          `  ${c.name} ${page}: measured in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
      }
      printCase(c, results);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function printCase(c: (typeof CASES)[number], r: Record<string, BenchResult>): void {
  const bare = r.bare;
  const app = r.app;
  if (!bare || !app) return;
  const b = summarise(bare);
  const a = summarise(app);
  const ratio = (x: number, y: number): string => (y > 0 ? (x / y).toFixed(2) : 'n/a');
  console.log(`\n${c.name}: ${c.nodes} nodes, ${c.edges} edges (${c.frames} pan/zoom frames)`);
  console.log('                     bare sigma      app     ratio (target ≤ 1.25)');
  const row = (label: string, x: number, y: number): void =>
    console.log(
      `  ${label.padEnd(18)} ${y.toFixed(1).padStart(9)} ms ${x.toFixed(1).padStart(8)} ms   ${ratio(x, y)}`,
    );
  row('first frame', a.firstFrameMs, b.firstFrameMs);
  row('frame median', a.median, b.median);
  row('frame p95', a.p95, b.p95);
  const lt = (x: BenchResult): string => {
    const tasks = x.longTasksDuringFa2 ?? [];
    const d = tasks.map((t) => t.ms);
    const over = d.filter((v) => v > 50);
    return `${over.length} over 50 ms (max ${d.length ? Math.max(...d).toFixed(0) : 0} ms, p95 ${percentile(d, 95).toFixed(0)} ms)`;
  };
  // Where the long tasks' time went: sigma indexing data, sigma drawing, the app's position
  // write-back, and the rest (other JavaScript, GC, the browser committing frames).
  const split = (x: BenchResult): string => {
    const tasks = x.longTasksDuringFa2 ?? [];
    const sum = (f: (t: LongTask) => number): number => tasks.reduce((s, t) => s + f(t), 0);
    const rest = (t: LongTask): number => t.ms - t.processMs - t.drawMs - t.writeBackMs;
    const own = tasks.map((t) => t.writeBackMs);
    return (
      `total ${sum((t) => t.ms).toFixed(0)} ms = sigma process ${sum((t) => t.processMs).toFixed(0)}` +
      ` + sigma draw ${sum((t) => t.drawMs).toFixed(0)} + app write-back ${sum((t) => t.writeBackMs).toFixed(0)}` +
      ` + rest ${sum(rest).toFixed(0)}; write-back over 50 ms in ${own.filter((v) => v > 50).length}` +
      ` task(s) (max ${own.length ? Math.max(...own).toFixed(0) : 0} ms)`
    );
  };
  console.log(`  long tasks during ForceAtlas2 (${c.fa2 / 1000} s):`);
  console.log(`    app:  ${lt(app)}\n          ${split(app)}`);
  console.log(`    bare: ${lt(bare)}\n          ${split(bare)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
