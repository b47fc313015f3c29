/**
 * `npm run bench:scale [-- --allow-clear] [--seconds 10]`
 *
 * Requests per second at 50 connections against one API instance and against two, in the same
 * run, on the benchmark's own managed Neo4j (through `neo4j://`) and its own redis-server. Each
 * instance is a server process of its own (as in the compose `scale` profile). Two instances
 * share the 50 connections as a round-robin balancer without sticky sessions would: 25 each,
 * from the same load generator process (scale-load.ts) that loads the single instance. Endpoints:
 * the statistics (answered from the shared Redis cache), and one consultant's details (a
 * database read every time). The results also go to bench-results/scale.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { GenerateRequest } from '../../src/shared/api';
import { startServer, type ServerProcess } from '../hardening/lib/server';
import { startRedisServer } from '../lib/redis-server';
import { runMain } from '../run-main';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openBenchDatabase } from './generate-db';

const flag = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const seconds = flag('--seconds', 10);
const CONNECTIONS = 50;
const LOAD = fileURLToPath(new URL('./scale-load.ts', import.meta.url));

type Load = {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  p99Ms: number;
};
type Row = { endpoint: string; one: Load; two: Load; ratio: number };

/** Loads the URLs together for `duration` seconds, the connections split evenly over them. */
function load(urls: string[], connections: number, duration: number): Promise<Load> {
  const args = ['--import', 'tsx', LOAD, String(duration), String(connections), ...urls];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(new Error(`load generator failed: ${error.message}`));
      resolve(JSON.parse(stdout) as Load);
    });
  });
}

async function main(): Promise<void> {
  const allowClear = process.argv.includes('--allow-clear');
  const db = await openBenchDatabase(allowClear);
  const redis = await startRedisServer();
  const dataDir = mkdtempSync(join(tmpdir(), 'smart-network-bench-scale-'));
  const servers: ServerProcess[] = [];
  try {
    console.log(`Database: ${db.description}; Redis at ${redis.url}`);
    const logger = pino({ level: 'warn' });
    const config = { ...db.config, MAX_CONSULTANTS_PER_REGION: 200 };
    const deps = {
      driver: db.driver,
      database: db.database,
      config,
      logger,
      target: databaseTarget(() => db.settings),
    };
    await setupSchema(db.driver, db.database);
    await createClearService(deps).clearGraph({ confirm: true });
    const generated = await createGenerationService(deps).run(
      GenerateRequest.parse({ consultants_per_region: 50, seed: 42 }),
    );
    console.log(`Generated ${generated.total_nodes} nodes, ${generated.total_relationships} rels`);

    const env = {
      NEO4J_URI: db.settings.uri.replace(/^bolt:/, 'neo4j:'),
      NEO4J_USERNAME: db.settings.username,
      NEO4J_PASSWORD: db.settings.password,
      NEO4J_DATABASE: db.database,
      REDIS_URL: redis.url,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
      ENVIRONMENT: 'production',
      LOG_LEVEL: 'warn',
      SMART_NETWORK_DATA_DIR: dataDir,
    };
    const logs = (name: string) => ({
      stdout: join(dataDir, `${name}.out.log`),
      stderr: join(dataDir, `${name}.err.log`),
    });
    servers.push(
      ...(await Promise.all([startServer(env, logs('a')), startServer(env, logs('b'))])),
    );
    const [a, b] = servers as [ServerProcess, ServerProcess];

    const graph = (await (await fetch(`${a.url}/api/v1/graph/region/NAI?limit=50`)).json()) as {
      nodes: { label: string; id: string }[];
    };
    const consultant = graph.nodes.find((node) => node.label === 'CONSULTANT');
    if (!consultant) throw new Error('no consultant in region NAI');
    const endpoints = [
      { name: 'GET /api/v1/graph/stats (Redis cache)', path: '/api/v1/graph/stats' },
      {
        name: 'GET /api/v1/nodes/CONSULTANT/{id} (database)',
        path: `/api/v1/nodes/CONSULTANT/${encodeURIComponent(consultant.id)}`,
      },
    ];
    const rows: Row[] = [];
    for (const endpoint of endpoints) {
      const urls = [a, b].map((server) => `${server.url}${endpoint.path}`);
      // Warm both instances (and the shared cache) first.
      await load(urls, 10, 2);
      const one = await load(urls.slice(0, 1), CONNECTIONS, seconds);
      const two = await load(urls, CONNECTIONS, seconds);
      rows.push({
        endpoint: endpoint.name,
        one,
        two,
        ratio: two.requestsPerSecond / one.requestsPerSecond,
      });
    }

    console.log(`\nThroughput at ${CONNECTIONS} connections, ${seconds} s each`);
    console.log(
      'endpoint                                      one instance   two instances   ratio',
    );
    for (const row of rows)
      console.log(
        `${row.endpoint.padEnd(44)}  ${row.one.requestsPerSecond.toFixed(0).padStart(8)} req/s` +
          `  ${row.two.requestsPerSecond.toFixed(0).padStart(8)} req/s   ${row.ratio.toFixed(2)}×` +
          `   (p99 ${row.one.p99Ms} / ${row.two.p99Ms} ms)`,
      );
    for (const row of rows) {
      const failed = row.one.errors + row.one.non2xx + row.two.errors + row.two.non2xx;
      if (failed > 0) throw new Error(`${row.endpoint}: ${failed} failed requests`);
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      join('bench-results', 'scale.json'),
      `${JSON.stringify({ connections: CONNECTIONS, seconds, rows }, null, 2)}\n`,
    );
  } finally {
    await Promise.allSettled(servers.map((server) => server.stop()));
    await redis.stop();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await runMain(main);
