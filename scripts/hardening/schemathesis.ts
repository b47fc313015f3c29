/**
 * Schemathesis, an independent fuzzer, against the real server from its own `/openapi.json`,
 * with every check (python/schemathesis.toml) and its stateful phase following the document's
 * links.
 * Two runs: every read operation against the proofs' server and dataset (whose counts must not
 * change), and the writing operations (generation, its jobs and events, clearing) against a
 * throwaway server with its own managed Neo4j, which must end with no half-written run.
 * Passes when both runs report no failure and no error.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startProofDb, type ProofDb } from './lib/db';
import { PYTHON_DIR, runLogged, venvProgram } from './lib/python';
import type { ProofResult } from './lib/report';
import { startServer, type ServerProcess } from './lib/server';

/**
 * The operations that write, fuzzed on a throwaway database: generation, its jobs and events,
 * clearing, import jobs, previews, and the edits of nodes and relationships (with their reads).
 */
const WRITES =
  '^/api/v1/(graph/(generate|clear)|import/jobs|preview|nodes$|nodes/[^/]+/[^/]+$|relationships|edits)';
/** Small bounds, so that every generation the fuzzer asks for is quick. */
const THROWAWAY_BOUNDS = {
  REGIONS: 'NAI,EMEA',
  MAX_CONSULTANTS_PER_REGION: '3',
  MAX_FIELD_CONSULTANTS_PER_CONSULTANT: '2',
  MAX_COMPANIES_PER_FIELD: '2',
  MAX_PRODUCTS_PER_COMPANY: '2',
};

type Counts = { nodes: number; relationships: number };

export type SchemathesisOptions = {
  url: string;
  token: string;
  work: string;
  counts: () => Promise<Counts>;
  /** Test cases per operation and phase (Schemathesis' --max-examples). */
  examples: number;
  seed: number;
};

type RunSummary = {
  label: string;
  seconds: number;
  code: number;
  cases: number;
  statuses: Map<number, number>;
  checks: Map<string, { passed: number; failed: number }>;
  failures: string[];
};

type Recorded = {
  cases?: Record<string, unknown>;
  checks?: Record<string, { name: string; status: string }[]>;
  interactions?: Record<string, { response?: { status_code?: number } | null }>;
};

/** Cases, response statuses and check outcomes from the run's NDJSON event log. */
function summarise(label: string, dir: string, code: number, ms: number): RunSummary {
  const summary: RunSummary = {
    label,
    seconds: ms / 1000,
    code,
    cases: 0,
    statuses: new Map(),
    checks: new Map(),
    failures: [],
  };
  const files = readdirSync(dir);
  const ndjson = files.find((f) => f.startsWith('ndjson-'));
  const report = files.find((f) => f.startsWith('json-'));
  if (!ndjson || !report) {
    summary.failures.push(`${label}: Schemathesis wrote no report (exit ${code}); see its log`);
    return summary;
  }
  for (const line of readFileSync(join(dir, ndjson), 'utf8').split('\n')) {
    if (!line.includes('"ScenarioFinished"')) continue;
    const event = JSON.parse(line) as { ScenarioFinished: { recorder: Recorded } };
    const recorder = event.ScenarioFinished.recorder;
    summary.cases += Object.keys(recorder.interactions ?? {}).length;
    for (const interaction of Object.values(recorder.interactions ?? {})) {
      const status = interaction.response?.status_code;
      if (status !== undefined)
        summary.statuses.set(status, (summary.statuses.get(status) ?? 0) + 1);
    }
    for (const results of Object.values(recorder.checks ?? {}))
      for (const { name, status } of results) {
        const tally = summary.checks.get(name) ?? { passed: 0, failed: 0 };
        if (status === 'success') tally.passed += 1;
        else if (status === 'failure') tally.failed += 1;
        summary.checks.set(name, tally);
      }
  }
  const result = JSON.parse(readFileSync(join(dir, report), 'utf8')) as {
    failures: { code: string; title: string; count: number; operations: string[] }[];
    errors: { title: string; count: number }[];
  };
  for (const failure of result.failures)
    summary.failures.push(
      `${label}: ${failure.code} ${failure.title} ×${failure.count} (${failure.operations.join(', ')})`,
    );
  for (const error of result.errors)
    summary.failures.push(`${label}: ${error.title} ×${error.count}`);
  if (code !== 0 && !summary.failures.length)
    summary.failures.push(`${label}: Schemathesis exited with ${code}; see its log`);
  return summary;
}

async function runSchemathesis(
  label: string,
  url: string,
  token: string,
  filter: string[],
  options: SchemathesisOptions,
): Promise<RunSummary> {
  const dir = join(options.work, `schemathesis-${label}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'schemathesis.log');
  const args = [
    '--config-file',
    join(PYTHON_DIR, 'schemathesis.toml'),
    'run',
    `${url}/openapi.json`,
    ...filter,
    '--max-examples',
    String(options.examples),
    '--seed',
    String(options.seed),
    // One worker: a deterministic order for a given seed.
    '--workers',
    '1',
    // Generous on a shared machine: a filter setting many fields costs the database a new
    // query plan per field the first time.
    '--request-timeout',
    '60',
    '--report',
    'ndjson,json',
    '--report-dir',
    dir,
  ];
  const { code, ms } = await runLogged(venvProgram('schemathesis'), args, {
    cwd: dir,
    logFile,
    // The token reaches Schemathesis through its configuration file, never the command line.
    env: { HARDENING_API_TOKEN: token, SCHEMATHESIS_HOOKS: join(PYTHON_DIR, 'hooks.py') },
    timeoutMs: 600_000,
  });
  const summary = summarise(label, dir, code, ms);
  console.log(
    `  ${label}: ${summary.cases} cases in ${summary.seconds.toFixed(0)} s, exit ${code} (log ${logFile})`,
  );
  return summary;
}

/** Nodes of generation runs that have no record: a run that is neither finished nor undone. */
async function unfinishedRuns(db: ProofDb): Promise<number> {
  const { records } = await db.driver.executeQuery(
    `MATCH (n) WHERE n.generation_id IS NOT NULL
     AND NOT EXISTS { MATCH (g:SN_GENERATION) WHERE g.generation_id = n.generation_id }
     RETURN count(n) AS n`,
  );
  return Number(records[0]?.get('n') ?? 0);
}

async function settled(db: ProofDb, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await unfinishedRuns(db);
    if (left === 0 || Date.now() > deadline) return left;
    await new Promise((done) => setTimeout(done, 2_000));
  }
}

type Throwaway = { db: ProofDb; server: ServerProcess; stop: () => Promise<void> };

/** A server and a managed Neo4j of their own, for the writing operations. */
async function startThrowaway(options: SchemathesisOptions): Promise<Throwaway> {
  const root = join(options.work, 'throwaway');
  mkdirSync(root, { recursive: true });
  const db = await startProofDb(join(root, 'neo4j-data'), { heapMax: '512m', pageCache: '64m' });
  const stopDb = async (): Promise<void> => {
    await db.driver.close();
    await db.stop();
  };
  try {
    const server = await startServer(
      {
        NEO4J_URI: db.uri,
        NEO4J_USERNAME: db.username,
        NEO4J_PASSWORD: db.password,
        API_HOST: '127.0.0.1',
        API_PORT: '0',
        API_TOKEN: options.token,
        ENVIRONMENT: 'production',
        LOG_LEVEL: 'warn',
        ...THROWAWAY_BOUNDS,
      },
      { stdout: join(root, 'server.stdout'), stderr: join(root, 'server.stderr') },
    );
    return {
      db,
      server,
      stop: async () => {
        await server.stop();
        await stopDb();
      },
    };
  } catch (error) {
    await stopDb();
    throw error;
  }
}

async function fuzzWrites(throwaway: Throwaway, options: SchemathesisOptions): Promise<RunSummary> {
  const summary = await runSchemathesis(
    'writes',
    throwaway.server.url,
    options.token,
    ['--include-path-regex', WRITES],
    options,
  );
  // Runs still going when the fuzzer stopped finish or are undone; none may stay half-written.
  const left = await settled(throwaway.db, 120_000);
  if (left) summary.failures.push(`writes: ${left} nodes of unfinished generation runs remain`);
  return summary;
}

export async function schemathesisProof(options: SchemathesisOptions): Promise<ProofResult> {
  const failures: string[] = [];
  const before = await options.counts();
  const reads = await runSchemathesis(
    'reads',
    options.url,
    options.token,
    ['--exclude-path-regex', WRITES],
    options,
  );
  const after = await options.counts();
  if (before.nodes !== after.nodes || before.relationships !== after.relationships)
    failures.push(`reads changed the data: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  const throwaway = await startThrowaway(options);
  try {
    const writes = await fuzzWrites(throwaway, options);
    return report([reads, writes], failures, options);
  } finally {
    await throwaway.stop();
  }
}

function report(runs: RunSummary[], failures: string[], options: SchemathesisOptions): ProofResult {
  failures.unshift(...runs.flatMap((run) => run.failures));
  const checks = new Map<string, { passed: number; failed: number }>();
  const statuses = new Map<number, number>();
  for (const run of runs) {
    for (const [name, tally] of run.checks) {
      const total = checks.get(name) ?? { passed: 0, failed: 0 };
      checks.set(name, {
        passed: total.passed + tally.passed,
        failed: total.failed + tally.failed,
      });
    }
    for (const [status, n] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
  }
  return {
    name: 'Schemathesis (every check, stateful links)',
    ok: failures.length === 0,
    figures: {
      cases: runs.map((r) => `${r.label} ${r.cases}`).join(', '),
      seconds: runs.map((r) => `${r.label} ${r.seconds.toFixed(0)}`).join(', '),
      statuses: [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
      'failures by check': [...checks.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, t]) => `${name} ${t.failed}/${t.passed + t.failed}`)
        .join(', '),
      seed: options.seed,
      'max examples': options.examples,
    },
    failures,
  };
}
