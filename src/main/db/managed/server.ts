/**
 * The managed local Neo4j Community server: provisioned from Maven Central into the cache folder,
 * run on the machine's Java with its data under the user's data folder, bound to 127.0.0.1 with
 * generated credentials, and stopped cleanly. A server counts as this folder's only when the
 * operating system says its listening socket belongs to the JVM started from the folder, and its
 * DBMS is the one recorded there (identity.ts); nothing else on a port is ever logged in to.
 */
import type { ChildProcess } from 'node:child_process';
import { neo4jManifest, type ArtifactManifest } from './artifacts';
import { AppError } from '../../../shared/errors';
import {
  type Credentials,
  type ManagedState,
  credentialsPath,
  managedHome,
  readCredentialsFile,
  readState,
  removeState,
  writeState,
} from './files';
import { listensOnPort, login } from './identity';
import { findJava } from './java';
import { launch, waitUntilListening } from './launch';
import { isAlive, isOurServer, waitForExit } from './process';
import { provisionNeo4j, type ProvisionProgress } from './provision';

export { managedHome } from './files';
export { freePort } from './launch';

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

export type ManagedInstance = ManagedState & {
  uri: string;
  credentials: Credentials;
  homeDir: string;
  /** True when this process started the server (and so should stop it). */
  owned: boolean;
  startSeconds: number;
  downloaded: boolean;
  /** Stops the server if this process started it (and it is still running); else nothing. */
  stop: () => Promise<void>;
};

const DEFAULT_BOLT_PORT = 17687;
const DEFAULT_START_TIMEOUT_MS = 120_000;

const boltUri = (port: number): string => `bolt://127.0.0.1:${port}`;

/**
 * A running server of this folder whose socket is ours: logged in to and its DBMS checked.
 * `first-start` when this process launched it on a fresh folder and so sets its first password.
 */
async function connectTo(
  home: string,
  state: ManagedState,
  started: number,
  credentials: Credentials | 'first-start',
): Promise<ManagedInstance> {
  const uri = boltUri(state.boltPort);
  return {
    ...state,
    uri,
    credentials: await login(home, uri, credentials),
    homeDir: home,
    owned: false,
    startSeconds: (performance.now() - started) / 1000,
    downloaded: false,
    stop: () => Promise.resolve(),
  };
}

/** The credentials the launching process writes once the first start has set them. */
async function credentialsOf(home: string, timeoutMs: number): Promise<Credentials> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const credentials = readCredentialsFile(home);
    if (credentials) return credentials;
    if (Date.now() > deadline)
      throw new AppError(
        'DATABASE_AUTH_FAILED',
        `The managed database in ${home} runs, but ${credentialsPath(home)} is missing: stop it ` +
          '(npm run neo4j -- stop) and start again.',
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * The server this data folder's state names, when it runs, listens on its port and is this
 * folder's; undefined when none does (yet), or it is being stopped. Throws when the server on
 * the port refuses this folder's credentials or serves another store.
 */
export async function attachManaged(dataDir: string): Promise<ManagedInstance | undefined> {
  const home = managedHome(dataDir);
  const state = readState(home);
  if (!state || state.stopping || !listensOnPort(home, state)) return undefined;
  // Not written yet: the process that launched it is still setting the first password.
  const credentials = readCredentialsFile(home);
  if (!credentials) return undefined;
  return connectTo(home, state, performance.now(), credentials);
}

/** Stops this data folder's server (or only `pid`, when given), gracefully then forcibly. */
export async function stopManaged(
  dataDir: string,
  { timeoutMs = 60_000, pid }: { timeoutMs?: number; pid?: number } = {},
): Promise<boolean> {
  const home = managedHome(dataDir);
  const state = readState(home);
  const target = pid ?? state?.pid;
  if (target === undefined) return false;
  const named = state?.pid === target ? state : undefined;
  if (!isOurServer(target, home)) {
    if (named) await removeState(home);
    return false;
  }
  // Marked first: processes following this folder let go of the server before it closes Bolt.
  if (named) await writeState(home, { ...named, stopping: true });
  process.kill(target, 'SIGTERM');
  if (!(await waitForExit(target, timeoutMs))) process.kill(target, 'SIGKILL');
  await waitForExit(target, 5_000);
  if (named) await removeState(home);
  return true;
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

export function managedStatus(dataDir: string): ManagedStatus {
  const home = managedHome(dataDir);
  const state = readState(home);
  if (!state || state.stopping || !listensOnPort(home, state)) return { running: false, dataDir };
  return {
    running: true,
    dataDir,
    pid: state.pid,
    uri: boltUri(state.boltPort),
    version: state.version,
    startedAt: state.startedAt,
  };
}

/**
 * A server of this folder already running, or starting in another process: waits for it and
 * attaches. Undefined when there is none (or it ended meanwhile), so a new one may be started.
 */
async function existingServer(
  home: string,
  timeoutMs: number,
  started: number,
): Promise<ManagedInstance | undefined> {
  const state = readState(home);
  if (!state || !isOurServer(state.pid, home)) return undefined;
  if (state.stopping) {
    await waitForExit(state.pid, timeoutMs);
    return undefined;
  }
  const outcome = await waitUntilListening(home, state, () => !isAlive(state.pid), timeoutMs);
  if (outcome === 'exited') return undefined;
  if (outcome === 'timeout')
    throw new Error(
      `The managed Neo4j of ${home} (pid ${state.pid}) runs but does not listen on its port ` +
        `${state.boltPort}: stop it (npm run neo4j -- stop) and start again.`,
    );
  return connectTo(home, state, started, await credentialsOf(home, timeoutMs));
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
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;

  const existing = await existingServer(home, timeoutMs, started);
  if (existing) return existing;

  const java = findJava();
  report(`Using Java ${java.version}`);
  const provision = await provisionNeo4j(options.cacheDir, manifest, (p) =>
    report(`Downloading Neo4j ${manifest.neo4jVersion}: ${p.files}/${p.totalFiles} files`, p),
  );

  // Set as soon as a JVM is spawned, so Ctrl-C during start-up stops it too.
  let child: ChildProcess | undefined;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      removeHooks();
      if (child?.pid !== undefined) await stopManaged(options.dataDir, { pid: child.pid });
    })();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void stop().finally(() => process.kill(process.pid, signal));
  };
  const onExit = (): void => {
    // Last resort when the parent exits without awaiting stop(): never leave an orphan JVM.
    if (child?.pid !== undefined && child.exitCode === null && isAlive(child.pid))
      process.kill(child.pid, 'SIGKILL');
  };
  const removeHooks = (): void => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  };
  if (!detached) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', onExit);
  }

  try {
    const launched = await launch({
      home,
      libDir: provision.libDir,
      java: java.command,
      version: manifest.neo4jVersion,
      boltPort: options.boltPort ?? DEFAULT_BOLT_PORT,
      heapMax: options.heapMax,
      pageCache: options.pageCache,
      startTimeoutMs: timeoutMs,
      detached,
      report,
      onSpawn: (spawned) => {
        child = spawned;
        if (detached) spawned.unref();
      },
    });
    // Stopped by someone else (`neo4j stop`): nothing left for this process to stop.
    launched.child.once('exit', removeHooks);
    const instance = await connectTo(
      home,
      launched.state,
      started,
      readCredentialsFile(home) ?? 'first-start',
    );
    return { ...instance, owned: true, downloaded: provision.downloaded, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
