/**
 * `npm run bench:api [-- --allow-clear] [--iterations 50] [--seconds 10]`
 *
 * On a database of 200 consultants per region (generated here, in the benchmark's own managed
 * Neo4j): latency percentiles of the region graph, the seed's filter example, a region's filter
 * options and the statistics over HTTP with the read cache disabled, each beside the same Cypher
 * run directly with the driver in this process (scripts/bench/api-baseline.ts); the same
 * endpoints again with the cache warm; then the throughput of /health and of the cached
 * statistics at 50 connections against a bare Express hello-world in the same run. The API runs
 * as in production (no response schema checks, request logs at info level through a pino
 * transport worker, written to /dev/null). Results also go to bench-results/api.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import pino from 'pino';
import { startApiServer, type ApiServer } from '../../src/main/api/server';
import { assembleBackend } from '../../src/main/backend';
import { createMemoryCache } from '../../src/main/cache/memory';
import type { ReadCache } from '../../src/main/cache/types';
import type { Config } from '../../src/main/config/env';
import type { Database } from '../../src/main/db/connection';
import { REDACT_PATHS } from '../../src/main/logger';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { FilterRequest, GenerateRequest } from '../../src/shared/api';
import { runMain } from '../run-main';
import { createBaseline } from './api-baseline';
import {
  fmt,
  kb,
  percentiles,
  throughput,
  timeHttp,
  timeTask,
  type HttpCall,
  type Percentiles,
  type Throughput,
} from './api-measure';
import { openBenchDatabase } from './generate-db';

const flag = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const iterations = flag('--iterations', 50);
const seconds = flag('--seconds', 10);
const WARMUP = 5;
const CONNECTIONS = 50;
const SEED_FILTER = {
  regions: ['NAI'],
  node_types: ['CONSULTANT', 'PRODUCT'],
  mandate_statuses: ['Active'],
  ratings: ['Positive'],
};

const noCache: ReadCache = {
  kind: 'memory',
  lookup: () => Promise.resolve({ version: '0', recent: [] }),
  store: () => Promise.resolve(),
  invalidate: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

async function helloWorld(): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.get('/', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type Case = { name: string; call: HttpCall; baseline: () => Promise<unknown>; cached: boolean };
type Row = {
  name: string;
  api: Percentiles;
  baseline: Percentiles;
  ratio: number;
  bytes: number;
  cached?: Percentiles;
};

await runMain(async () => {
  const db = await openBenchDatabase(process.argv.includes('--allow-clear'));
  console.log(`Database: ${db.description}`);
  const config: Config = {
    ...db.config,
    MAX_CONSULTANTS_PER_REGION: 200,
    ENVIRONMENT: 'production',
    LOG_LEVEL: 'info',
  };
  // As in production (src/main/logger.ts): redaction, and lines written by a transport worker
  // thread, so the request path only serialises them; here the worker writes to /dev/null.
  const logger = pino(
    { name: 'smart-network', level: 'info', redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    pino.transport({
      targets: [{ target: 'pino/file', level: 'info', options: { destination: '/dev/null' } }],
    }),
  );
  const target = databaseTarget(() => db.settings);
  const deps = { driver: db.driver, database: db.database, config, logger, target };
  const servers: ApiServer[] = [];
  try {
    await setupSchema(db.driver, db.database);
    await createClearService(deps).clearGraph({ confirm: true });
    const generated = await createGenerationService(deps).run(
      GenerateRequest.parse({ consultants_per_region: 200, seed: 42 }),
    );
    console.log(
      `Generated 200 consultants per region: ${generated.total_nodes} nodes, ` +
        `${generated.total_relationships} relationships`,
    );

    const database: Database = {
      driver: db.driver,
      settings: db.settings,
      info: { address: db.settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
      close: () => Promise.resolve(),
    };
    const serve = async (cache: ReadCache): Promise<string> => {
      const backend = assembleBackend({ db: database, config, logger, cache });
      const server = await startApiServer(backend, { host: '127.0.0.1', port: 0 });
      servers.push(server);
      return server.url;
    };
    const uncachedUrl = await serve(noCache);
    const cachedUrl = await serve(createMemoryCache());

    const baseline = createBaseline(db.driver, db.database, config);
    const limit = config.DEFAULT_REGION_SIZE;
    const cases: Case[] = [
      {
        name: 'GET /api/v1/graph/region/NAI',
        call: { method: 'GET', path: '/api/v1/graph/region/NAI' },
        baseline: () => baseline.region('NAI', 'standard', limit),
        cached: true,
      },
      {
        name: 'POST /api/v1/graph/filter (seed example)',
        call: { method: 'POST', path: '/api/v1/graph/filter', body: SEED_FILTER },
        baseline: () => baseline.filter(FilterRequest.parse(SEED_FILTER), limit),
        cached: false,
      },
      {
        name: 'GET /api/v1/filters/options/NAI',
        call: { method: 'GET', path: '/api/v1/filters/options/NAI' },
        baseline: () => baseline.options('NAI'),
        cached: true,
      },
      {
        name: 'GET /api/v1/graph/stats',
        call: { method: 'GET', path: '/api/v1/graph/stats' },
        baseline: () => baseline.stats(),
        cached: true,
      },
    ];

    const rows: Row[] = [];
    console.log(`\nLatency, cache disabled: ${iterations} runs each after ${WARMUP} warm-up runs`);
    for (const c of cases) {
      const api: number[] = [];
      const base: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARMUP + iterations; i++) {
        // Alternate which goes first, so that a busy moment of the machine hits both alike.
        const first = i % 2 === 0;
        if (!first) base.push(await timeTask(c.baseline));
        const timed = await timeHttp(uncachedUrl, c.call);
        api.push(timed.ms);
        bytes = timed.bytes;
        if (first) base.push(await timeTask(c.baseline));
      }
      const apiP = percentiles(api.slice(WARMUP));
      const baseP = percentiles(base.slice(WARMUP));
      const row: Row = {
        name: c.name,
        api: apiP,
        baseline: baseP,
        ratio: apiP.p50 / baseP.p50,
        bytes,
      };
      if (c.cached) {
        await timeHttp(cachedUrl, c.call);
        const hits: number[] = [];
        for (let i = 0; i < iterations; i++) hits.push((await timeHttp(cachedUrl, c.call)).ms);
        row.cached = percentiles(hits);
      }
      rows.push(row);
      const p = (x: Percentiles) => `${fmt(x.p50)} / ${fmt(x.p95)} / ${fmt(x.p99)} ms`;
      console.log(`  ${c.name}  (${kb(bytes)})`);
      console.log(`    API p50/p95/p99       ${p(apiP)}`);
      console.log(`    baseline p50/p95/p99  ${p(baseP)}`);
      console.log(`    API/baseline (p50)    ${row.ratio.toFixed(2)}`);
      if (row.cached) console.log(`    cached API            ${p(row.cached)}`);
    }

    console.log(`\nThroughput: autocannon, ${CONNECTIONS} connections, ${seconds} s each`);
    const hello = await helloWorld();
    const runs: Throughput[] = [];
    let helloRps: number;
    try {
      const run = async (label: string, url: string): Promise<Throughput> => {
        const result = await throughput(url, CONNECTIONS, seconds);
        runs.push(result);
        console.log(
          `  ${label.padEnd(34)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s ` +
            `(p99 ${result.p99Ms} ms, errors ${result.errors}, timeouts ${result.timeouts}, ` +
            `non-2xx ${result.non2xx})`,
        );
        return result;
      };
      const before = await run('Express hello-world', hello.url);
      await timeHttp(cachedUrl, { method: 'GET', path: '/api/v1/graph/stats' });
      const health = await run('GET /health', `${cachedUrl}/health`);
      const stats = await run(
        'GET /api/v1/graph/stats (cached)',
        `${cachedUrl}/api/v1/graph/stats`,
      );
      const after = await run('Express hello-world (again)', hello.url);
      helloRps = (before.requestsPerSecond + after.requestsPerSecond) / 2;
      console.log(
        `  /health / hello-world = ${(health.requestsPerSecond / helloRps).toFixed(2)}, ` +
          `cached stats / hello-world = ${(stats.requestsPerSecond / helloRps).toFixed(2)} ` +
          '(target ≥ 0.7; hello-world as the mean of its two runs)',
      );
    } finally {
      await hello.close();
    }

    console.log('\nAPI/baseline p50 ratios (target ≤ 1.5 for region and filter):');
    for (const row of rows) console.log(`  ${row.ratio.toFixed(2)}  ${row.name}`);
    const failures = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    console.log(failures === 0 ? 'Errors: none' : `Errors: ${failures}`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/api.json',
      JSON.stringify(
        { database: db.description, generated, rows, throughput: runs, helloRps },
        null,
        2,
      ),
    );
    if (failures > 0) throw new Error(`${failures} requests failed during the throughput runs`);
  } finally {
    for (const server of servers) await server.close();
    await db.close();
  }
});
