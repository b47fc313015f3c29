/**
 * The managed local Neo4j Community server: provisioned from Maven Central into the cache folder,
 * run on the machine's Java with its data under the user's data folder, bound to 127.0.0.1 with
 * generated credentials, and stopped cleanly.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { delimiter, join } from 'node:path';
import neo4j from 'neo4j-driver';
import { z } from 'zod';
import { neo4jManifest, type ArtifactManifest } from './artifacts';
import { findJava } from './java';
import { provisionNeo4j, type ProvisionProgress } from './provision';

export type ManagedOptions = {
  dataDir: string;
  cacheDir: string;
  /** Preferred Bolt port; a free one is chosen when it is taken. 0 always picks a free port. */
  boltPort?: number;
  heapMax?: string;
  pageCache?: string;
  startTimeoutMs?: number;
  manifest?: ArtifactManifest;
  onProgress?: (message: string, progress?: ProvisionProgress) => void;
};

const Credentials = z.object({ username: z.string(), password: z.string() });
export type Credentials = z.infer<typeof Credentials>;

const State = z.object({
  pid: z.number().int(),
  boltPort: z.number().int(),
  version: z.string(),
  startedAt: z.string(),
});
export type ManagedState = z.infer<typeof State>;

export type ManagedInstance = ManagedState & {
  uri: string;
  credentials: Credentials;
  homeDir: string;
  /** True when this process started the server (and so should stop it). */
  owned: boolean;
  startSeconds: number;
  downloaded: boolean;
  stop: () => Promise<void>;
};

export const DEFAULT_BOLT_PORT = 17687;

export function managedHome(dataDir: string): string {
  return join(dataDir, 'neo4j');
}
const statePath = (home: string): string => join(home, 'run', 'managed.json');
const credentialsPath = (home: string): string => join(home, 'credentials.json');

export function readCredentials(dataDir: string): Credentials | undefined {
  const file = credentialsPath(managedHome(dataDir));
  if (!existsSync(file)) return undefined;
  return Credentials.parse(JSON.parse(readFileSync(file, 'utf8')));
}

function readState(home: string): ManagedState | undefined {
  try {
    return State.parse(JSON.parse(readFileSync(statePath(home), 'utf8')));
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the pid belongs to a Neo4j server running from this home (guards against pid reuse). */
function isOurServer(pid: number, home: string): boolean {
  if (!isAlive(pid)) return false;
  if (process.platform === 'win32') return true;
  const ps = spawnSync('ps', ['-p', String(pid), '-o', 'command='], { encoding: 'utf8' });
  return ps.stdout.includes('CommunityEntryPoint') && ps.stdout.includes(home);
}

function portAnswers(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

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

function configuration(port: number, options: ManagedOptions): string {
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

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForBolt(
  port: number,
  child: ChildProcess | undefined,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`Neo4j exited during start-up (code ${child.exitCode}).\n${tail(logFile)}`);
    if (await portAnswers(port)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `Neo4j did not open Bolt on port ${port} within ${timeoutMs / 1000} s.\n${tail(logFile)}`,
  );
}

/** Replaces the initial `neo4j`/`neo4j` password on first start with a generated one. */
async function ensureCredentials(home: string, uri: string): Promise<Credentials> {
  const file = credentialsPath(home);
  if (existsSync(file)) return Credentials.parse(JSON.parse(await readFile(file, 'utf8')));
  const credentials = { username: 'neo4j', password: randomBytes(24).toString('base64url') };
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    await driver.executeQuery(
      'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
      { old: 'neo4j', new: credentials.password },
      { database: 'system' },
    );
  } catch (error) {
    throw new Error(
      `The managed database in ${home} has a password this app does not know ` +
        `(${credentialsPath(home)} is missing). Stop it and delete ${join(home, 'data')} to start afresh.`,
      { cause: error },
    );
  } finally {
    await driver.close();
  }
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return !isAlive(pid);
}

/** Stops the managed server of this data folder, gracefully (SIGTERM) then forcibly. */
export async function stopManaged(dataDir: string, timeoutMs = 60_000): Promise<boolean> {
  const home = managedHome(dataDir);
  const state = readState(home);
  if (!state) return false;
  let stopped = false;
  if (isOurServer(state.pid, home)) {
    process.kill(state.pid, 'SIGTERM');
    if (!(await waitForExit(state.pid, timeoutMs))) process.kill(state.pid, 'SIGKILL');
    await waitForExit(state.pid, 5_000);
    stopped = true;
  }
  await rm(statePath(home), { force: true });
  return stopped;
}

export type ManagedStatus =
  | { running: false; dataDir: string }
  | {
      running: true;
      dataDir: string;
      pid: number;
      uri: string;
      version: string;
      startedAt: string;
    };

export async function managedStatus(dataDir: string): Promise<ManagedStatus> {
  const home = managedHome(dataDir);
  const state = readState(home);
  if (!state || !isOurServer(state.pid, home) || !(await portAnswers(state.boltPort)))
    return { running: false, dataDir };
  return {
    running: true,
    dataDir,
    pid: state.pid,
    uri: `bolt://127.0.0.1:${state.boltPort}`,
    version: state.version,
    startedAt: state.startedAt,
  };
}

/**
 * Starts the managed server, or attaches to the one already running from this data folder.
 * With `detached`, the server outlives this process (for `npm run neo4j -- start`); otherwise it
 * is stopped when this process exits or receives SIGINT/SIGTERM.
 */
export async function startManaged(
  options: ManagedOptions,
  { detached = false } = {},
): Promise<ManagedInstance> {
  const started = performance.now();
  const manifest = options.manifest ?? neo4jManifest();
  const home = managedHome(options.dataDir);
  const report = options.onProgress ?? (() => undefined);

  const existing = readState(home);
  if (existing && isOurServer(existing.pid, home)) {
    if (await portAnswers(existing.boltPort)) {
      const uri = `bolt://127.0.0.1:${existing.boltPort}`;
      return {
        ...existing,
        uri,
        homeDir: home,
        credentials: await ensureCredentials(home, uri),
        owned: false,
        startSeconds: (performance.now() - started) / 1000,
        downloaded: false,
        stop: () => Promise.resolve(),
      };
    }
    await stopManaged(options.dataDir);
  }

  const java = findJava();
  report(`Using Java ${java.version}`);
  const provision = await provisionNeo4j(options.cacheDir, manifest, (p) =>
    report(`Downloading Neo4j ${manifest.neo4jVersion}: ${p.files}/${p.totalFiles} files`, p),
  );
  for (const dir of ['conf', 'data', 'logs', 'run', 'plugins', 'import'])
    await mkdir(join(home, dir), { recursive: true });
  const port = await freePort(options.boltPort ?? DEFAULT_BOLT_PORT);
  await writeFile(join(home, 'conf', 'neo4j.conf'), configuration(port, options));

  const consoleLog = join(home, 'logs', 'console.log');
  const out = openSync(consoleLog, 'a');
  const child = spawn(
    java.command,
    [
      '-XX:+UseG1GC',
      '-XX:-OmitStackTraceInFastThrow',
      '-Dfile.encoding=UTF-8',
      '-cp',
      [join(provision.libDir, '*')].join(delimiter),
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
    ],
    { cwd: home, detached, stdio: ['ignore', out, out], windowsHide: true },
  );
  closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${java.command}`);
  const state: ManagedState = {
    pid,
    boltPort: port,
    version: manifest.neo4jVersion,
    startedAt: new Date().toISOString(),
  };
  await writeFile(statePath(home), JSON.stringify(state));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      removeHooks();
      await stopManaged(options.dataDir);
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop().finally(() => process.kill(process.pid, signal));
  };
  const onExit = (): void => {
    // Last resort when the parent exits without awaiting stop(): never leave an orphan JVM.
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  };
  const removeHooks = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  };
  if (detached) child.unref();
  else {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', onExit);
  }

  try {
    report(`Starting Neo4j ${state.version} on 127.0.0.1:${port}`);
    await waitForBolt(
      port,
      child,
      options.startTimeoutMs ?? 120_000,
      join(home, 'logs', 'neo4j.log'),
    );
    const uri = `bolt://127.0.0.1:${port}`;
    const credentials = await ensureCredentials(home, uri);
    return {
      ...state,
      uri,
      credentials,
      homeDir: home,
      owned: true,
      startSeconds: (performance.now() - started) / 1000,
      downloaded: provision.downloaded,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
