/**
 * `npm run test:hardening`: the slow proofs in sequence against a managed Neo4j (temporary data
 * folder, fixed Bolt port) and a real server process, then a figures table; exits non-zero on
 * any failure. Name proofs to run only those: `npm run test:hardening -- fuzz load`.
 *   fuzz, schemathesis, client, cypher, load, faults, logs, electronegativity
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../src/main/config/env';
import { resolveAppPaths } from '../../src/main/config/paths';
import { cypherSafety } from './cypher-safety';
import { electronegativity } from './electronegativity';
import { faults } from './faults';
import { generatedClient } from './client';
import { fuzzApi } from './fuzz';
import { startProofDb } from './lib/db';
import { http } from './lib/http';
import { printTable, type ProofResult } from './lib/report';
import { startServer, type ServerProcess } from './lib/server';
import { loadTest } from './load';
import { scanLogs } from './log-scan';
import { schemathesisProof } from './schemathesis';

const ALL = [
  'fuzz',
  'schemathesis',
  'client',
  'cypher',
  'load',
  'faults',
  'logs',
  'electronegativity',
] as const;
const REPO = resolve(import.meta.dirname, '../..');
const ACQUISITION_TIMEOUT_S = 10;

async function main(): Promise<number> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const run = (name: (typeof ALL)[number]): boolean => wanted.length === 0 || wanted.includes(name);
  const results: ProofResult[] = [];
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'sn-hardening-'));
  const logDir = join(work, 'logs');
  mkdirSync(logDir);
  const consoleFiles = { stdout: join(work, 'server.stdout'), stderr: join(work, 'server.stderr') };
  const token = `tok-${randomBytes(18).toString('hex')}`;

  const needsServer = ALL.filter((name) => name !== 'electronegativity').some(run);
  let db: Awaited<ReturnType<typeof startProofDb>> | undefined;
  let server: ServerProcess | undefined;
  try {
    if (needsServer) {
      console.log('Starting the managed Neo4j …');
      db = await startProofDb(join(work, 'neo4j-data'));
      const env: Record<string, string> = {
        NEO4J_URI: db.uri,
        NEO4J_USERNAME: db.username,
        NEO4J_PASSWORD: db.password,
        API_HOST: '127.0.0.1',
        API_PORT: '0',
        API_TOKEN: token,
        ENVIRONMENT: 'production',
        LOG_LEVEL: 'trace',
        LOG_DIR: logDir,
        REGIONS: 'NAI,EMEA,APAC,KILLA,KILLB',
        NEO4J_CONNECTION_ACQUISITION_TIMEOUT: String(ACQUISITION_TIMEOUT_S),
        NEO4J_CONNECT_TIMEOUT: '10',
        QUERY_TIMEOUT_MS: '10000',
      };
      const config = parseConfig(env);
      const proofDb = db;
      server = await startServer(env, consoleFiles);
      console.log(`Server at ${server.url} (pid ${server.pid}); generating the dataset …`);
      const generated = await http(server.url, '/api/v1/graph/generate', {
        method: 'POST',
        token,
        body: { regions: ['NAI', 'EMEA', 'APAC'], consultants_per_region: 20, seed: 42 },
        timeoutMs: 600_000,
      });
      if (generated.status !== 200)
        throw new Error(`dataset generation failed: ${generated.status} ${generated.text}`);
      console.log(`Dataset: ${JSON.stringify(await db.counts())}`);
      const counts = () => proofDb.counts();

      if (run('fuzz')) {
        console.log('\nAPI fuzzing …');
        const runs = Number(process.env.FUZZ_RUNS ?? 200);
        const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
        results.push(await fuzzApi({ url: server.url, token, config, runs, seed, counts }));
      }
      if (run('schemathesis')) {
        console.log('\nSchemathesis …');
        results.push(
          await schemathesisProof({
            url: server.url,
            token,
            work,
            counts,
            examples: Number(process.env.SCHEMATHESIS_EXAMPLES ?? 20),
            seed: Number(process.env.SCHEMATHESIS_SEED ?? 1),
          }),
        );
      }
      if (run('client')) {
        console.log('\nGenerated client …');
        results.push(await generatedClient({ url: server.url, token, work }));
      }
      if (run('cypher')) {
        console.log('\nCypher safety …');
        results.push(await cypherSafety({ url: server.url, token, counts }));
      }
      if (run('load')) {
        console.log('\nLoad …');
        results.push(
          await loadTest({
            url: server.url,
            token,
            pid: server.pid,
            regions: ['NAI', 'EMEA'],
            connections: Number(process.env.LOAD_CONNECTIONS ?? 50),
            seconds: Number(process.env.LOAD_SECONDS ?? 60),
            // Long enough for the heap and the read cache to reach their steady size.
            warmupSeconds: Number(process.env.LOAD_WARMUP_SECONDS ?? 30),
          }),
        );
      }
      if (run('faults')) {
        console.log('\nFaults …');
        results.push(
          await faults({
            db,
            token,
            acquisitionTimeoutS: ACQUISITION_TIMEOUT_S,
            stderrFile: consoleFiles.stderr,
            server: () => server!,
            restartServer: async (how) => {
              const current = server!;
              await (how === 'kill' ? current.kill() : current.stop());
              server = await startServer(env, consoleFiles);
              return server;
            },
          }),
        );
      }
      // A last mixed session with errors, the token in an event-stream URL, a wrong token.
      for (const [path, init] of [
        ['/api/v1/graph/stats', {}],
        ['/api/v1/graph/region/NOPE', {}],
        ['/api/v1/graph/query', { method: 'POST', body: { query: 'CREATE (n)' } }],
        [
          '/api/v1/graph/query',
          { method: 'POST', body: { query: 'RETURN $p', parameters: { p: db.password } } },
        ],
        [`/api/v1/graph/generate/jobs/none/events?access_token=${token}`, { token: '' }],
        ['/api/v1/graph/stats', { token: `${token}x` }],
      ] as [string, { method?: string; body?: unknown; token?: string }][])
        await http(server.url, path, { token, ...init });
      await server.stop();
      server = undefined;
      if (run('logs')) {
        results.push(
          scanLogs(
            [logDir, consoleFiles.stdout, consoleFiles.stderr],
            { password: db.password, token },
            db.username,
          ),
        );
      }
    }
    if (run('electronegativity')) {
      console.log('\nElectronegativity …');
      const { cacheDir } = resolveAppPaths({
        SMART_NETWORK_CACHE_DIR: process.env.SMART_NETWORK_CACHE_DIR,
      });
      const electron = (await import('electron/package.json', { with: { type: 'json' } }))
        .default as { version: string };
      results.push(electronegativity(REPO, cacheDir, electron.version));
    }
  } catch (error) {
    results.push({
      name: 'Harness',
      ok: false,
      figures: {},
      failures: [error instanceof Error ? (error.stack ?? error.message) : String(error)],
    });
  } finally {
    await server?.stop();
    await db?.driver.close();
    await db?.stop();
  }
  printTable(results);
  const seconds = (performance.now() - started) / 1000;
  const failed = results.filter((r) => !r.ok).length;
  console.log(
    `\n${results.length - failed}/${results.length} proofs passed in ${seconds.toFixed(0)} s (logs in ${work})`,
  );
  if (!failed) rmSync(work, { recursive: true, force: true });
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
