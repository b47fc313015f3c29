/**
 * Faults with a real server process and the managed Neo4j:
 *  - the database stopped during traffic: every request is answered within the connection
 *    acquisition timeout, with 200 (from cache) or 503 + Retry-After in the error shape; the
 *    server stays up; once traffic stops no pooled connection is left in use;
 *  - the database started again: the same server answers 200 again, without a restart;
 *  - a generation cut off midway, by SIGKILL of the server or by stopping the database: its
 *    partial writes are gone after the restart (the next start removes them and says so).
 */
import { readFileSync } from 'node:fs';
import { errorShapeProblem, http, type HttpResponse } from './lib/http';
import type { ProofDb } from './lib/db';
import type { ProofResult } from './lib/report';
import type { ServerProcess } from './lib/server';

export type FaultContext = {
  db: ProofDb;
  token: string;
  acquisitionTimeoutS: number;
  /** Restarts the server process (same environment); returns the new one. */
  restartServer: (how: 'stop' | 'kill') => Promise<ServerProcess>;
  server: () => ServerProcess;
  stderrFile: string;
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const TRAFFIC: [string, { method?: string; body?: unknown }][] = [
  ['/api/v1/graph/query', { method: 'POST', body: { query: 'MATCH (n) RETURN count(n) AS n' } }],
  ['/api/v1/search?q=Capital', {}],
  ['/api/v1/graph/filter', { method: 'POST', body: { regions: ['EMEA'], ratings: ['Negative'] } }],
  ['/api/v1/graph/stats', {}],
  ['/health', {}],
];

async function metric(url: string, token: string, name: string): Promise<number> {
  const res = await http(url, '/metrics', { token, headers: { accept: 'text/plain' } });
  const line = res.text
    .split('\n')
    .find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').at(-1)) : NaN;
}

async function countRegion(
  db: ProofDb,
  region: string,
): Promise<{ all: number; unrecorded: number }> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n) WHERE n.region = $region
     RETURN count(n) AS all,
            count(CASE WHEN n.generation_id IS NOT NULL AND NOT EXISTS {
              MATCH (g:SN_GENERATION) WHERE g.generation_id = n.generation_id } THEN 1 END) AS unrecorded`,
    { region },
  );
  return { all: Number(records[0]?.get('all')), unrecorded: Number(records[0]?.get('unrecorded')) };
}

/** Starts an async generation into `region` and waits until some of it is committed. */
async function startGeneration(
  server: ServerProcess,
  token: string,
  db: ProofDb,
  region: string,
): Promise<string> {
  const res = await http(server.url, '/api/v1/graph/generate?async=true', {
    method: 'POST',
    token,
    body: { regions: [region], consultants_per_region: 50, batch_size: 100, seed: 11 },
  });
  if (res.status !== 202)
    throw new Error(`generation did not start: ${res.status} ${res.text.slice(0, 200)}`);
  const id = (res.json as { id: string }).id;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if ((await countRegion(db, region)).unrecorded >= 1_000) return id;
    await sleep(100);
  }
  throw new Error('generation wrote nothing within 2 minutes');
}

export async function faults(ctx: FaultContext): Promise<ProofResult> {
  const failures: string[] = [];
  const figures: Record<string, string | number> = {};
  const { db, token } = ctx;
  let server = ctx.server();

  // --- Database stopped during traffic ---------------------------------------------------
  const limitMs = ctx.acquisitionTimeoutS * 1000 + 2_000;
  const responses: {
    path: string;
    res?: HttpResponse;
    error?: string;
    ms: number;
    down: boolean;
  }[] = [];
  let down = false;
  let stopTraffic = false;
  const worker = async (k: number): Promise<void> => {
    for (let i = k; !stopTraffic; i++) {
      const [path, init] = TRAFFIC[i % TRAFFIC.length]!;
      const started = performance.now();
      try {
        const res = await http(server.url, path, { token, ...init, timeoutMs: limitMs + 30_000 });
        responses.push({ path, res, ms: performance.now() - started, down });
      } catch (error) {
        responses.push({ path, error: String(error), ms: performance.now() - started, down });
      }
    }
  };
  const traffic = Promise.all(Array.from({ length: 8 }, (_, k) => worker(k)));
  await sleep(2_000);
  down = true;
  const stopAt = performance.now();
  await db.stop();
  figures['Neo4j stop took s'] = ((performance.now() - stopAt) / 1000).toFixed(1);
  await sleep(ctx.acquisitionTimeoutS * 1000 + 3_000);
  const during = responses.filter((r) => r.down);
  let unavailable = 0;
  for (const r of during) {
    if (r.error) failures.push(`request failed while the database was down: ${r.error}`);
    else if (r.res && r.res.status === 503) {
      unavailable += 1;
      if (!r.res.headers['retry-after']) failures.push('503 without Retry-After');
      // /health answers 503 with its own health document; every other route with an error.
      const problem = r.path === '/health' ? undefined : errorShapeProblem(r.res);
      if (problem) failures.push(`503 body: ${problem}`);
    } else if (r.res && r.res.status !== 200)
      failures.push(
        `status ${r.res.status} while the database was down: ${r.res.text.slice(0, 160)}`,
      );
    if (r.ms > limitMs) failures.push(`answer took ${r.ms.toFixed(0)} ms (limit ${limitMs} ms)`);
  }
  if (unavailable === 0) failures.push('no 503 seen while the database was down');
  figures['requests while down'] = during.length;
  figures['503 with Retry-After'] = unavailable;
  figures['slowest answer while down ms'] = Math.max(0, ...during.map((r) => r.ms)).toFixed(0);
  if (server.child.exitCode !== null) failures.push('server exited while the database was down');

  // --- Database back: the same server recovers --------------------------------------------
  const startAt = performance.now();
  await db.start();
  let recoveredAfter = NaN;
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const res = await http(server.url, '/api/v1/graph/query', {
      method: 'POST',
      token,
      body: { query: 'MATCH (n) RETURN count(n) AS n' },
    });
    if (res.status === 200) {
      recoveredAfter = (performance.now() - startAt) / 1000;
      break;
    }
    await sleep(250);
  }
  stopTraffic = true;
  await traffic;
  if (Number.isNaN(recoveredAfter))
    failures.push('the API did not recover within 60 s of Neo4j starting');
  figures['recovered after Neo4j start, s'] = Number.isNaN(recoveredAfter)
    ? 'no'
    : recoveredAfter.toFixed(1);
  // Requests cut off by the outage may still be unwinding: give them a few seconds.
  let inUse = NaN;
  for (let i = 0; i < 20; i++) {
    inUse = await metric(server.url, token, 'neo4j_pool_in_use');
    if (inUse === 0) break;
    await sleep(500);
  }
  figures['pool connections in use after traffic'] = inUse;
  if (inUse !== 0) failures.push(`${inUse} pooled connections still in use after traffic stopped`);
  figures['server pid unchanged'] = server.child.exitCode === null ? 'yes' : 'no';

  // --- Generation cut off by SIGKILL of the server ----------------------------------------
  await startGeneration(server, token, db, 'KILLA');
  const before = await countRegion(db, 'KILLA');
  server = await ctx.restartServer('kill');
  const afterKill = await countRegion(db, 'KILLA');
  figures['SIGKILL: partial nodes before restart'] = before.unrecorded;
  figures['SIGKILL: unfinished-run nodes after restart'] = afterKill.unrecorded;
  if (before.unrecorded === 0) failures.push('the kill came before any write: nothing proven');
  if (afterKill.unrecorded !== 0)
    failures.push(`${afterKill.unrecorded} nodes of the killed run remain after restart`);

  // --- Generation cut off by stopping Neo4j -----------------------------------------------
  const jobId = await startGeneration(server, token, db, 'KILLB');
  await db.stop();
  let job: { status?: string; rolled_back?: boolean; error?: { code?: string } } = {};
  for (let i = 0; i < 120; i++) {
    const res = await http(server.url, `/api/v1/graph/generate/jobs/${jobId}`, { token });
    job = res.json as typeof job;
    if (job.status !== 'running') break;
    await sleep(500);
  }
  figures['Neo4j stopped: job status'] =
    `${job.status} (${job.error?.code ?? '-'}, rolled_back=${job.rolled_back})`;
  if (job.status !== 'failed')
    failures.push(`job status ${job.status} after Neo4j stopped mid-run`);
  await db.start();
  const partial = await countRegion(db, 'KILLB');
  figures['Neo4j stopped: partial nodes after Neo4j restart'] = partial.unrecorded;
  server = await ctx.restartServer('stop');
  const afterRestart = await countRegion(db, 'KILLB');
  figures['Neo4j stopped: unfinished-run nodes after server restart'] = afterRestart.unrecorded;
  if (afterRestart.unrecorded !== 0)
    failures.push(`${afterRestart.unrecorded} nodes of the cut-off run remain`);
  const said = readFileSync(ctx.stderrFile, 'utf8')
    .split('\n')
    .filter((l) => l.includes('did not finish')).length;
  figures['start-up log lines reporting removed runs'] = said;
  if (before.unrecorded > 0 && said === 0)
    failures.push('the removal of an unfinished run was not logged');

  return {
    name: 'Faults (Neo4j stop/start, generation cut off)',
    ok: failures.length === 0,
    figures,
    failures,
  };
}
