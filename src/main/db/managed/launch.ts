/**
 * Launching the managed server's JVM on a port, and knowing when it is ready: ready means the
 * operating system says the listening socket on that port belongs to the JVM we started, not that
 * something answers there (anything may). A port checked free can still be taken before Java
 * binds it; Neo4j then exits, and the start is retried on another free port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { type ManagedState, writeState } from './files';
import { listensOnPort } from './identity';

export type LaunchOptions = {
  home: string;
  libDir: string;
  java: string;
  version: string;
  /** Preferred Bolt port; 0 picks a free one. */
  boltPort: number;
  heapMax?: string;
  pageCache?: string;
  startTimeoutMs: number;
  detached: boolean;
  report: (message: string) => void;
  /** Called with each JVM as soon as it is spawned (before it is ready). */
  onSpawn: (child: ChildProcess) => void;
};

export type Launched = { child: ChildProcess; state: ManagedState };

/** Attempts before giving up when every chosen port is taken before Neo4j can bind it. */
const LAUNCH_ATTEMPTS = 5;

export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (preferred !== 0 && error.code === 'EADDRINUSE') resolve(freePort(0));
      else reject(error);
    });
    server.listen({ host: '127.0.0.1', port: preferred }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : preferred;
      server.close(() => resolve(port));
    });
  });
}

function configuration(port: number, options: LaunchOptions): string {
  return [
    '# Written by Smart Network at each start of the managed database.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${port}`,
    `server.bolt.advertised_address=127.0.0.1:${port}`,
    'server.bolt.tls_level=DISABLED',
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.usage_report.enabled=false',
    'dbms.security.auth_enabled=true',
    'server.memory.heap.initial_size=256m',
    `server.memory.heap.max_size=${options.heapMax ?? '1g'}`,
    `server.memory.pagecache.size=${options.pageCache ?? '512m'}`,
    'db.memory.transaction.total.max=0',
    'db.tx_log.rotation.retention_policy=2 files',
    'server.logs.gc.enabled=false',
    '',
  ].join('\n');
}

function tail(file: string, from = 0, lines = 15): string {
  try {
    return readFileSync(file)
      .subarray(from)
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '';
  }
}

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `pid` listens on the state's port; `exited` tells whether it gave up meanwhile. */
export async function waitUntilListening(
  home: string,
  state: ManagedState,
  exited: () => boolean,
  timeoutMs: number,
): Promise<'listening' | 'exited' | 'timeout'> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) return 'exited';
    if (listensOnPort(home, state)) return 'listening';
    await delay(250);
  }
  return 'timeout';
}

type Attempt = { outcome: 'ready'; launched: Launched } | { outcome: 'port-taken' };

async function attempt(port: number, options: LaunchOptions): Promise<Attempt> {
  const { home } = options;
  await writeFile(join(home, 'conf', 'neo4j.conf'), configuration(port, options));
  const consoleLog = join(home, 'logs', 'console.log');
  const consoleStart = sizeOf(consoleLog);
  const out = openSync(consoleLog, 'a');
  const child = spawn(
    options.java,
    [
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dfile.encoding=UTF-8',
      '-cp',
      [join(options.libDir, '*')].join(delimiter),
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
    ],
    { cwd: home, detached: options.detached, stdio: ['ignore', out, out], windowsHide: true },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${options.java}`);
  options.onSpawn(child);
  const state: ManagedState = {
    pid,
    boltPort: port,
    version: options.version,
    startedAt: new Date().toISOString(),
  };
  // Written before Neo4j is ready, so `neo4j stop` from another process finds a starting server.
  await writeState(home, state);
  options.report(`Starting Neo4j ${options.version} on 127.0.0.1:${port}`);
  const outcome = await waitUntilListening(
    home,
    state,
    () => child.exitCode !== null || child.signalCode !== null,
    options.startTimeoutMs,
  );
  if (outcome === 'listening') return { outcome: 'ready', launched: { child, state } };
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    throw new Error(
      `Neo4j did not open Bolt on port ${port} within ${options.startTimeoutMs / 1000} s.\n` +
        tail(join(home, 'logs', 'neo4j.log')),
    );
  }
  const output = tail(consoleLog, consoleStart, 200);
  if (/Address already in use/i.test(output) || (await freePort(port)) !== port)
    return { outcome: 'port-taken' };
  throw new Error(
    `Neo4j exited during start-up (code ${child.exitCode ?? child.signalCode}).\n` +
      tail(consoleLog, consoleStart),
  );
}

/** Starts the JVM, moving to another free port whenever the chosen one turns out to be taken. */
export async function launch(options: LaunchOptions): Promise<Launched> {
  for (const dir of ['conf', 'data', 'logs', 'run', 'plugins', 'import'])
    await mkdir(join(options.home, dir), { recursive: true });
  const tried: number[] = [];
  for (let i = 0; i < LAUNCH_ATTEMPTS; i++) {
    const port = await freePort(i === 0 ? options.boltPort : 0);
    tried.push(port);
    const result = await attempt(port, options);
    if (result.outcome === 'ready') return result.launched;
    options.report(`Port ${port} was taken before Neo4j could bind it; trying another`);
  }
  throw new Error(
    `Neo4j could not bind a Bolt port: ${tried.join(', ')} were each taken before it started.`,
  );
}
