/**
 * A client in another language, generated from the server's `/openapi.json` by an independent
 * generator (openapi-python-client), must keep every schema and operation of the document and
 * work: it reads settings and health, runs a query whose result holds nulls inside lists and
 * maps, reads a region's network, a node, a search and the statistics.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { http } from './lib/http';
import { PYTHON_DIR, runLogged, venvProgram } from './lib/python';
import type { ProofResult } from './lib/report';

const PACKAGE = 'smart_network_client';
/** What the generator prints for a schema or operation it cannot take (and then leaves out). */
const DROPPED = /^(Unable to|WARNING|Failure to process)/;

const countFiles = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, entry) =>
      n +
      (entry.isDirectory()
        ? countFiles(join(dir, entry.name))
        : entry.name.endsWith('.py') && entry.name !== '__init__.py'
          ? 1
          : 0),
    0,
  );

export async function generatedClient(options: {
  url: string;
  token: string;
  work: string;
}): Promise<ProofResult> {
  const failures: string[] = [];
  const dir = join(options.work, 'python-client');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'client.log');
  const document = (await http(options.url, '/openapi.json')).json as {
    paths: Record<string, Record<string, unknown>>;
    components: { schemas: Record<string, unknown> };
  };
  const operations = Object.values(document.paths).reduce((n, p) => n + Object.keys(p).length, 0);
  const generated = await runLogged(
    venvProgram('openapi-python-client'),
    [
      'generate',
      '--url',
      `${options.url}/openapi.json`,
      '--meta',
      'none',
      '--output-path',
      join(dir, PACKAGE),
    ],
    { cwd: dir, logFile, timeoutMs: 180_000 },
  );
  const dropped = readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((line) => DROPPED.test(line));
  if (generated.code !== 0) failures.push(`the generator exited with ${generated.code}`);
  failures.push(...dropped.map((line) => `generator: ${line}`));
  const clientOperations = generated.code === 0 ? countFiles(join(dir, PACKAGE, 'api')) : 0;
  const models = generated.code === 0 ? countFiles(join(dir, PACKAGE, 'models')) : 0;
  if (clientOperations !== operations)
    failures.push(`the client has ${clientOperations} of the ${operations} operations`);
  const used = await runLogged(
    venvProgram('python'),
    [join(PYTHON_DIR, 'use_client.py'), join(dir, PACKAGE), options.url],
    { cwd: dir, logFile, env: { HARDENING_API_TOKEN: options.token }, timeoutMs: 120_000 },
  );
  if (used.code !== 0) failures.push(`calls through the generated client failed; see ${logFile}`);
  return {
    name: 'Generated Python client (openapi-python-client)',
    ok: failures.length === 0,
    figures: {
      'document schemas': Object.keys(document.components.schemas).length,
      'client models': models,
      operations: `${clientOperations}/${operations}`,
      'dropped or unparsed': dropped.length,
      'calls made':
        used.code === 0 ? 'settings, health, query (nulls), region, node, search, stats' : 'failed',
    },
    failures,
  };
}
