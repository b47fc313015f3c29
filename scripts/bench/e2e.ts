/**
 * `npm run bench:e2e [-- --sizes 5000,20000,50000] [--gpu] [--profile] [--screenshot file.png]
 *   [--allow-clear]`
 *
 * A view from the request to the first frame and to the settled drawing, at each size: the
 * benchmark's own managed Neo4j holds one region per size (generated here), the real API server
 * serves the built web UI (as `npm run serve` does) and headless Chromium clicks the region.
 * Beside it, in the same run: (a) the minimal Cypher for the same nodes and relationships through
 * the driver, (b) JSON.stringify and JSON.parse of the same data, (c) a bare sigma page drawing
 * the same graph from memory. Their sum is the end-to-end baseline. WebGL runs on SwiftShader;
 * `--gpu` asks for hardware WebGL and says so when there is no GPU to use. `--profile` serves an
 * unminified build of the UI and prints where the longest main-thread stretch of the largest
 * load goes (scripts/bench/e2e-profile.ts). `--screenshot` saves the smallest region's settled
 * drawing as a PNG.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import pino from 'pino';
import { chromium, type BrowserContext } from 'playwright-core';
import { build } from 'vite';
import { startApiServer, type ApiServer } from '../../src/main/api/server';
import { assembleBackend } from '../../src/main/backend';
import type { ReadCache } from '../../src/main/cache/types';
import type { Config } from '../../src/main/config/env';
import type { Database } from '../../src/main/db/connection';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { isSoftwareRenderer } from '../../src/renderer/src/graph/draw-capacity';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { GenerateRequest, type GraphResponse } from '../../src/shared/api';
import { aliases } from '../lib/aliases';
import { ensureRendererBuilt } from '../lib/renderer-build';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { runMain } from '../run-main';
import { createBaseline } from './api-baseline';
import { measureRegionLoad, openApp, type AppRun } from './e2e-app';
import { buildReadableUi, reportProfile, startProfile } from './e2e-profile';
import { measure, snapshot, type Measures } from './layout-picture';
import { openBenchDatabase } from './generate-db';
import type { E2eBareResult } from './render-pages/e2e-bare';
import { serve } from './static-server';

const ROOT = resolve(import.meta.dirname, '../..');
const REGIONS = ['NAI', 'EMEA', 'APAC'] as const;
const REPEATS = 3;

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (argValue('--sizes') ?? '5000,20000,50000').split(',').map((s) => Number(s.trim()));
const gpu = process.argv.includes('--gpu');
const profile = process.argv.includes('--profile');
const screenshot = argValue('--screenshot');

/** Hardware WebGL where a GPU exists: the project's flags less SwiftShader and --disable-gpu. */
const GPU_ARGS = [
  ...CHROMIUM_ARGS.filter((a) => !/swiftshader|disable-gpu/.test(a)),
  '--ignore-gpu-blocklist',
  '--enable-gpu',
  '--use-angle=default',
];

const noCache: ReadCache = {
  kind: 'memory',
  lookup: () => Promise.resolve({ version: '0', recent: [] }),
  store: () => Promise.resolve(),
  invalidate: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

async function timed<T>(f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await f();
  return { ms: performance.now() - start, value };
}

async function medianOf(f: () => unknown): Promise<number> {
  await f();
  const out: number[] = [];
  for (let i = 0; i < REPEATS; i++) out.push((await timed(f)).ms);
  return median(out);
}

async function buildBarePage(outDir: string): Promise<void> {
  const pages = join(import.meta.dirname, 'render-pages');
  await build({
    root: pages,
    base: './',
    logLevel: 'warn',
    resolve: { alias: aliases(ROOT) },
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { bare: join(pages, 'e2e-bare.html') } },
    },
  });
}

/** The WebGL renderer string Chromium reports with these flags (null: no WebGL). */
async function webglRenderer(context: BrowserContext): Promise<string | null> {
  const page = await context.newPage();
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  await page.close();
  return renderer;
}

type Row = {
  size: number;
  region: string;
  nodes: number;
  relationships: number;
  /** Full JSON response (other tools' default). */
  bytes: number;
  /** The streamed compact view (NDJSON), as the app loads it. */
  streamBytes: number;
  /** The compact view as one document. */
  compactBytes: number;
  apiMs: number;
  /** API time of the streamed compact view (Node fetch, to the last byte). */
  apiStreamMs: number;
  cypherMs: number;
  nodeParseMs: number;
  jsonMs: number;
  bare: E2eBareResult & { heapBytes: number };
  app: AppRun;
  /** The settled picture on screen (the measures of bench:layout). */
  picture: Measures;
};

async function runBare(context: BrowserContext, url: string, file: string, timeoutMs: number) {
  const page = await context.newPage();
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  page.on('pageerror', (e) => console.error(`  bare page error: ${e.message}`));
  await page.goto(`${url}/e2e-bare.html?data=${file}`);
  await page.waitForFunction(() => globalThis.__E2E_BARE__ !== undefined, null, {
    timeout: timeoutMs,
    polling: 200,
  });
  const result = await page.evaluate(() => globalThis.__E2E_BARE__);
  const cdp = await context.newCDPSession(page);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await page.close();
  if (!result || 'error' in result) throw new Error(`bare page: ${result?.error}`);
  return { ...result, heapBytes: heap.usedSize };
}

await runMain(async () => {
  if (sizes.length === 0 || sizes.length > REGIONS.length || sizes.some((n) => !(n >= 100)))
    throw new Error(
      `--sizes: one to ${REGIONS.length} node counts of at least 100, comma-separated`,
    );
  sizes.sort((a, b) => a - b);
  const outDir = mkdtempSync(join(tmpdir(), 'sn-bench-e2e-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'sn-bench-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: gpu ? GPU_ARGS : CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  let db: Awaited<ReturnType<typeof openBenchDatabase>> | null = null;
  let server: ApiServer | null = null;
  const statics = await serve(outDir);
  try {
    const renderer = await webglRenderer(context);
    if (gpu && (renderer === null || isSoftwareRenderer(renderer))) {
      const dri = existsSync('/dev/dri') ? readdirSync('/dev/dri').join(', ') : 'none';
      throw new Error(
        `--gpu: no GPU on this machine. Chromium's WebGL renderer with hardware flags is ` +
          `${renderer === null ? 'absent' : `"${renderer}" (software)`}; /dev/dri: ${dri}. ` +
          'Nothing was measured; run without --gpu for SwiftShader.',
      );
    }
    const cpu = cpus();
    console.log(
      `Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), load average ` +
        `${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}; WebGL: ${renderer ?? 'none'}`,
    );
    console.log('Building the web UI if stale, and the bare sigma page…');
    ensureRendererBuilt((line) => console.log(`  ${line}`));
    await buildBarePage(outDir);
    const uiDir = profile ? join(outDir, 'readable-ui') : join(ROOT, 'out/renderer');
    if (profile) await buildReadableUi(uiDir);

    db = await openBenchDatabase(process.argv.includes('--allow-clear'));
    console.log(`Database: ${db.description}`);
    const config: Config = {
      ...db.config,
      MAX_CONSULTANTS_PER_REGION: 100_000,
      ENVIRONMENT: 'production',
      LOG_LEVEL: 'warn',
    };
    // Pages closed mid-request log aborted requests as warnings: only errors are shown.
    const logger = pino({ level: 'error' });
    const deps = {
      driver: db.driver,
      database: db.database,
      config,
      logger,
      target: databaseTarget(() => (db as NonNullable<typeof db>).settings),
    };
    await setupSchema(db.driver, db.database);
    await createClearService(deps).clearGraph({ confirm: true });
    const baseline = createBaseline(db.driver, db.database, config);
    const cap = Math.ceil((Math.max(...sizes) * 1.2) / 1000) * 1000;
    const regionNodes = async (region: string): Promise<number> =>
      (await baseline.region(region, 'standard', 1)).total;

    // One region per size: the first calibrates how many nodes a consultant brings.
    let perConsultant = 20;
    for (const [i, size] of sizes.entries()) {
      const region = REGIONS[i] as string;
      const consultants = Math.max(1, Math.round(size / perConsultant));
      const t = await timed(() =>
        createGenerationService(deps).run(
          GenerateRequest.parse({
            regions: [region],
            consultants_per_region: consultants,
            seed: 42,
          }),
        ),
      );
      const n = await regionNodes(region);
      if (i === 0) perConsultant = n / consultants;
      console.log(
        `Generated region ${region}: ${consultants} consultants, ${n} nodes in the view ` +
          `(${(t.ms / 1000).toFixed(0)} s)`,
      );
    }

    const database: Database = {
      driver: db.driver,
      settings: db.settings,
      info: { address: db.settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
      close: () => Promise.resolve(),
    };
    const backend = assembleBackend({ db: database, config, logger, cache: noCache });
    server = await startApiServer(backend, {
      host: '127.0.0.1',
      port: 0,
      staticDir: uiDir,
    });
    const apiUrl = server.url;

    // A cold browser penalises whichever page loads first: warm both up on the smallest region.
    {
      const first = REGIONS[0];
      const body = await (
        await fetch(`${apiUrl}/api/v1/graph/region/${first}?limit=${cap}`)
      ).text();
      writeFileSync(join(outDir, 'warm.json'), body);
      await runBare(context, statics.url, 'warm.json', 300_000);
      const page = await openApp(context, apiUrl, cap);
      await measureRegionLoad(
        page,
        first,
        (JSON.parse(body) as GraphResponse).nodes.length,
        600_000,
      );
      await page.close();
    }

    const rows: Row[] = [];
    for (const [i, size] of sizes.entries()) {
      const region = REGIONS[i] as string;
      const path = `/api/v1/graph/region/${region}?limit=${cap}&mode=standard`;
      let text = '';
      const apiMs = await medianOf(async () => {
        text = await (await fetch(`${apiUrl}${path}`)).text();
      });
      let streamed = '';
      const apiStreamMs = await medianOf(async () => {
        streamed = await (await fetch(`${apiUrl}${path}&format=ndjson`)).text();
      });
      const compact = await (await fetch(`${apiUrl}${path}&format=compact`)).text();
      const data = JSON.parse(text) as GraphResponse;
      if (data.truncated) throw new Error(`region ${region} was truncated at ${cap} nodes`);
      const cypherMs = await medianOf(() => baseline.region(region, 'standard', cap));
      const nodeParseMs = await medianOf(() => JSON.parse(text));
      const jsonMs = await medianOf(() => JSON.parse(JSON.stringify(data)));
      const file = `graph-${size}.json`;
      writeFileSync(join(outDir, file), text);
      const timeoutMs = 900_000;
      const bare = await runBare(context, statics.url, file, timeoutMs);
      const page = await openApp(context, apiUrl, cap);
      const profiled = profile && i === sizes.length - 1;
      const cdp = profiled ? await context.newCDPSession(page) : null;
      if (cdp) await startProfile(cdp);
      const app = await measureRegionLoad(page, region, data.nodes.length, timeoutMs);
      if (cdp) await reportProfile(cdp);
      const picture = measure(await snapshot(page));
      if (screenshot && i === 0) {
        // The camera's fit animates after the settle: the frames after it are the picture.
        await page.waitForTimeout(3000);
        await page.screenshot({ path: resolve(screenshot) });
        console.log(`  screenshot of ${region} settled: ${resolve(screenshot)}`);
      }
      await page.close();
      if (app.drawnNodes !== data.nodes.length)
        throw new Error(`region ${region}: ${app.drawnNodes} drawn of ${data.nodes.length}`);
      const row: Row = {
        size,
        region,
        nodes: data.nodes.length,
        relationships: data.relationships.length,
        bytes: Buffer.byteLength(text),
        streamBytes: Buffer.byteLength(streamed),
        compactBytes: Buffer.byteLength(compact),
        apiMs,
        apiStreamMs,
        cypherMs,
        nodeParseMs,
        jsonMs,
        bare,
        app,
        picture,
      };
      rows.push(row);
      console.log(
        `  ${region}: ${row.nodes} nodes measured (first frame ${app.firstFrameMs.toFixed(0)} ms)`,
      );
    }
    printTable(rows, gpu ? `GPU (${renderer})` : `SwiftShader (${renderer})`);
  } finally {
    await context.close();
    statics.close();
    await server?.close();
    await db?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
});

function baselineMs(r: Row): number {
  return r.cypherMs + r.jsonMs + r.bare.firstFrameMs;
}

function printTable(rows: Row[], webgl: string): void {
  const ms = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
  const mb = (x: number): string => `${(x / 1024 / 1024).toFixed(0)} MB`;
  const lines: [string, (r: Row) => string][] = [
    ['nodes / relationships', (r) => `${r.nodes} / ${r.relationships}`],
    ['bytes/node, app (NDJSON)', (r) => `${(r.streamBytes / r.nodes).toFixed(0)} B`],
    ['  in the page (encoded)', (r) => `${(r.app.wireBytes / r.nodes).toFixed(0)} B`],
    ['  compact document', (r) => `${(r.compactBytes / r.nodes).toFixed(0)} B`],
    ['  full JSON', (r) => `${(r.bytes / r.nodes).toFixed(0)} B`],
    ['  NDJSON / full JSON', (r) => `${(r.streamBytes / r.bytes).toFixed(2)}×`],
    ['response size, app', (r) => `${(r.streamBytes / 1024 / 1024).toFixed(1)} MB`],
    ['  full JSON', (r) => `${(r.bytes / 1024 / 1024).toFixed(1)} MB`],
    ['API time, app (NDJSON)', (r) => ms(r.apiStreamMs)],
    ['API time, full JSON', (r) => ms(r.apiMs)],
    ['  (a) minimal Cypher', (r) => ms(r.cypherMs)],
    ['  API (app) / Cypher', (r) => `${(r.apiStreamMs / r.cypherMs).toFixed(2)}×`],
    ['request in the page', (r) => ms(r.app.requestMs)],
    ['parse (JSON.parse, Node)', (r) => ms(r.nodeParseMs)],
    ['  (b) stringify + parse', (r) => ms(r.jsonMs)],
    ['parse in the bare page', (r) => ms(r.bare.parseMs)],
    ['app: click → first frame', (r) => ms(r.app.firstFrameMs)],
    ['  (c) bare sigma frame', (r) => ms(r.bare.firstFrameMs)],
    ['  baseline a+b+c', (r) => ms(baselineMs(r))],
    ['  app / baseline', (r) => `${(r.app.firstFrameMs / baselineMs(r)).toFixed(2)}×`],
    ['app: click → settled', (r) => ms(r.app.settledMs)],
    ['longest task to frame', (r) => ms(r.app.longestTaskToFirstFrameMs)],
    ['longest task to settled', (r) => ms(r.app.longestTaskMs)],
    ['  tasks over 200 ms', (r) => String(r.app.tasksOver200)],
    ['  bare: longest task', (r) => ms(r.bare.longestTaskMs)],
    ['overlapping node pairs', (r) => String(r.picture.overlappingPairs)],
    ['  touching (no 0.5 px spare)', (r) => String(r.picture.touchingPairs)],
    ['stacked (<4 px) share', (r) => `${(100 * r.picture.stackedShare).toFixed(1)}%`],
    ['  mean spacing the canvas allows', (r) => `${r.picture.spacingPx.toFixed(1)} px`],
    ['hidden (centre under a disc)', (r) => `${(100 * r.picture.hiddenShare).toFixed(1)}%`],
    ['heap once settled', (r) => mb(r.app.heapBytes)],
    ['  bare: heap', (r) => mb(r.bare.heapBytes)],
  ];
  console.log(
    `\nEnd to end, WebGL on ${webgl}; the app loads the streamed compact view (NDJSON), ` +
      'the full JSON response beside it',
  );
  const head = ['', ...rows.map((r) => `${r.size / 1000}k (${r.region})`)];
  const width = 26;
  const col = 16;
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(width) : h.padStart(col))).join(''));
  for (const [label, cell] of lines)
    console.log(label.padEnd(width) + rows.map((r) => cell(r).padStart(col)).join(''));
  console.log(
    '\nBaseline a+b+c: the same Cypher through the driver, stringify+parse of the same data, and ' +
      'the bare sigma page drawing it from memory. Settled includes ForceAtlas2 and overlap ' +
      'removal, which the baseline does not run. Goals: app/baseline ≤ 1.3× at 20k and 50k, ' +
      '≤ 150 bytes per node, no task over 200 ms during a 20k load.',
  );
}
