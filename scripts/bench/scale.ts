/**
 * `npm run bench:scale [-- --allow-clear] [--seconds 10]`
 *
 * Requests per second at 50 connections against one API instance and against two, in the same
 * run, on the benchmark's own managed Neo4j (through `neo4j://`) and its own redis-server. Each
 * instance is a server process of its own (as in the compose `scale` profile). Two instances
 * share the 50 connections as a round-robin balancer without sticky sessions would: 25 each, from
 * two load generators running at once, whose figures are added up. Endpoints: the statistics
 * (answered from the shared Redis cache), and a name search (a database read every time). The
 * results also go to bench-results/scale.json.
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
import { throughput, type Throughput } from './api-measure';
import { openBenchDatabase } from './generate-db';

const flag = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const seconds = flag('--seconds', 10);
const CONNECTIONS = 50;
const ENDPOINTS = [
  { name: 'GET /api/v1/graph/stats (Redis cache)', path: '/api/v1/graph/stats' },
  { name: 'GET /api/v1/search?q=an (database)', path: '/api/v1/search?q=an' },
];

type Row = { endpoint: string; one: Throughput; two: Throughput[]; ratio: number };

const sum = (runs: Throughput[], key: keyof Omit<Throughput, 'url'>): number =>
  runs.reduce((total, run) => total + run[key], 0);

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

    const rows: Row[] = [];
    for (const endpoint of ENDPOINTS) {
      // Warm both instances (and the shared cache) first.
      await Promise.all([a, b].map((s) => throughput(`${s.url}${endpoint.path}`, 10, 2)));
      const one = await throughput(`${a.url}${endpoint.path}`, CONNECTIONS, seconds);
      const two = await Promise.all(
        [a, b].map((s) => throughput(`${s.url}${endpoint.path}`, CONNECTIONS / 2, seconds)),
      );
      rows.push({
        endpoint: endpoint.name,
        one,
        two,
        ratio: sum(two, 'requestsPerSecond') / one.requestsPerSecond,
      });
    }

    console.log(`\nThroughput at ${CONNECTIONS} connections, ${seconds} s each`);
    console.log('endpoint                                  one instance   two instances   ratio');
    for (const row of rows)
      console.log(
        `${row.endpoint.padEnd(40)}  ${row.one.requestsPerSecond.toFixed(0).padStart(8)} req/s` +
          `  ${sum(row.two, 'requestsPerSecond').toFixed(0).padStart(8)} req/s   ${row.ratio.toFixed(2)}×`,
      );
    for (const row of rows) {
      const failed =
        row.one.errors + row.one.non2xx + sum(row.two, 'errors') + sum(row.two, 'non2xx');
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
