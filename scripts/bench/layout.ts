/**
 * `npm run bench:layout [-- --allow-clear]`
 *
 * On 50 consultants per region (seed 42, generated in the benchmark's own managed Neo4j), the
 * app's web UI in headless Chromium (WebGL on SwiftShader) goes through the analyst's steps
 * (scripts/bench/layout-steps.ts). After each step it prints the picture's measures — stacked
 * share (centres under 4 px apart), overlapping node pairs, overlapping drawn labels, nodes off
 * the canvas or under an overlay, time until settled — beside the baseline measured in the same
 * run on the same graph: plain ForceAtlas2 from random positions plus noverlap
 * (scripts/bench/layout-baseline.ts). The reopened view's largest shift from the saved picture
 * is printed too. Results also go to bench-results/layout.json, a screenshot of each step to
 * bench-results/layout-<step>.png.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { startApiServer } from '../../src/main/api/server';
import { assembleBackend } from '../../src/main/backend';
import type { Config } from '../../src/main/config/env';
import type { Database } from '../../src/main/db/connection';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { GenerateRequest } from '../../src/shared/api';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
import { ensureRendererBuilt } from '../lib/renderer-build';
import { runMain } from '../run-main';
import { openBenchDatabase } from './generate-db';
import { baseline } from './layout-baseline';
import { measure, type Measures } from './layout-picture';
import { runLayoutSteps } from './layout-steps';

const CONSULTANTS = 50;
const SEED = 42;
const ROOT = resolve(import.meta.dirname, '../..');

type Row = {
  step: string;
  app: Measures & { settleMs: number | null };
  baseline: Measures & { settleMs: number };
  viewShiftPx?: number;
};

const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;

function print(row: Row): void {
  const a = row.app;
  const b = row.baseline;
  const settle =
    a.settleMs === null
      ? 'n/a'
      : `${a.settleMs.toFixed(0)} ms vs ${b.settleMs.toFixed(0)} ms (${(a.settleMs / Math.max(1, b.settleMs)).toFixed(2)}×)`;
  console.log(`\n${row.step}: ${a.nodes} nodes`);
  console.log('                      app      baseline');
  console.log(
    `  stacked (<4 px)  ${pct(a.stackedShare).padStart(7)}  ${pct(b.stackedShare).padStart(8)}`,
  );
  console.log(
    `  overlapping pairs ${String(a.overlappingPairs).padStart(6)}  ${String(b.overlappingPairs).padStart(8)}`,
  );
  console.log(`  overlapping labels ${String(a.overlappingLabels).padStart(5)}         -`);
  console.log(
    `  off-canvas/under panel ${pct(a.offCanvasShare).padStart(5)}  ${pct(b.offCanvasShare).padStart(8)}`,
  );
  console.log(`  time until settled: ${settle}`);
  if (row.viewShiftPx !== undefined)
    console.log(`  reopened view: largest shift ${row.viewShiftPx.toFixed(3)} px (goal ≤ 1 px)`);
}

await runMain(async () => {
  ensureRendererBuilt((line) => console.log(line));
  const db = await openBenchDatabase(process.argv.includes('--allow-clear'));
  console.log(`Database: ${db.description}`);
  const config: Config = { ...db.config, LOG_LEVEL: 'warn' };
  const logger = pino({ level: 'warn' });
  const target = databaseTarget(() => db.settings);
  const deps = { driver: db.driver, database: db.database, config, logger, target };
  const userDataDir = mkdtempSync(join(tmpdir(), 'sn-bench-layout-'));
  const rows: Row[] = [];
  try {
    await setupSchema(db.driver, db.database);
    await createClearService(deps).clearGraph({ confirm: true });
    const generated = await createGenerationService(deps).run(
      GenerateRequest.parse({ consultants_per_region: CONSULTANTS, seed: SEED }),
    );
    console.log(
      `Generated ${CONSULTANTS} consultants per region (seed ${SEED}): ${generated.total_nodes} nodes, ` +
        `${generated.total_relationships} relationships`,
    );
    const database: Database = {
      driver: db.driver,
      settings: db.settings,
      info: { address: db.settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
      close: () => Promise.resolve(),
    };
    const backend = assembleBackend({ db: database, config, logger });
    const server = await startApiServer(backend, {
      host: '127.0.0.1',
      port: 0,
      staticDir: join(ROOT, 'out/renderer'),
    });
    const browser = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    try {
      const page = await browser.newPage();
      page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
      await page.goto(`${server.url}/?debug`);
      await page.locator('[data-testid="connection"][data-status="ok"]').waitFor();
      mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
      let index = 0;
      await runLayoutSteps(
        page,
        { region: 'NAI', queryLimit: 2000, timeout: 180_000 },
        async (s) => {
          index++;
          await page.screenshot({ path: join(ROOT, `bench-results/layout-${index}.png`) });
          const base = baseline(s.picture);
          const row: Row = {
            step: s.name,
            app: { ...measure(s.picture), settleMs: s.picture.settleMs },
            baseline: { ...base.measures, settleMs: base.settleMs },
            viewShiftPx: s.shiftPx,
          };
          rows.push(row);
          print(row);
        },
      );
    } finally {
      await browser.close();
      await server.close();
    }
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results/layout.json'), `${JSON.stringify(rows, null, 2)}\n`);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
    await db.close();
  }
});
