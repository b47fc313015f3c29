/**
 * The managed database as the backend holds it: one Driver object that stays valid while the
 * server behind it changes. The data folder is the instance, so it is what is followed: its state
 * file is read every `pollMs`. When the server stops (or is being stopped), the driver refuses
 * all work at once with DATABASE_UNAVAILABLE, sending nothing anywhere. When a server of this
 * folder runs again, started by anyone and on any port, it is checked like any attach (socket
 * owner, then DBMS id) and the driver is pointed at it; services, caches and health go on.
 */
import neo4j, { type AuthTokenManager, type Driver } from 'neo4j-driver';
import { AppError } from '../../../shared/errors';
import type { Logger } from '../../logger';
import type { Database } from '../connection';
import { checkConnectivity, createDriver, type DbSettings, type ServerInfo } from '../driver';
import { managedHome, readState } from './files';
import { listensOnPort } from './identity';
import { isAlive } from './process';
import { attachManaged, type ManagedInstance } from './server';

const FOLLOW_POLL_MS = 500;

export type FollowOptions = {
  dataDir: string;
  logger?: Pick<Logger, 'info' | 'warn'>;
  pollMs?: number;
};

/** One server the driver points at; `live` turns false the moment it is seen to go. */
type Target = {
  instance: ManagedInstance;
  settings: DbSettings;
  driver: Driver;
  info: ServerInfo;
  lease: { live: boolean };
};

const stopped = (uri: string): AppError =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    `The managed Neo4j that was at ${uri} has stopped; the app reconnects when it runs again ` +
      '(npm run neo4j -- start).',
  );

/**
 * Logs in only while the server is the one that was checked: between its exit and the next
 * poll, a new connection to its old port (where anything may listen now) gets no credentials.
 */
function guardedAuth(instance: ManagedInstance, lease: { live: boolean }): AuthTokenManager {
  const token = neo4j.auth.basic(instance.credentials.username, instance.credentials.password);
  return {
    getToken: () =>
      lease.live && isAlive(instance.pid)
        ? Promise.resolve(token)
        : Promise.reject(stopped(instance.uri)),
    handleSecurityException: () => false,
  };
}

async function open(base: DbSettings, instance: ManagedInstance): Promise<Target> {
  const settings: DbSettings = {
    ...base,
    uri: instance.uri,
    ...instance.credentials,
    source: 'managed',
  };
  const lease = { live: true };
  const driver = createDriver(settings, guardedAuth(instance, lease));
  try {
    return { instance, settings, driver, info: await checkConnectivity(driver, settings), lease };
  } catch (error) {
    await driver.close();
    throw error;
  }
}

/** While the server is gone, every call but `close` fails at once, without touching the network. */
function refusal(property: string | symbol, uri: string): () => unknown {
  const error = stopped(uri);
  return property === 'session'
    ? () => {
        throw error;
      }
    : () => Promise.reject(error);
}

export async function openManagedDatabase(
  base: DbSettings,
  first: ManagedInstance,
  options: FollowOptions,
): Promise<Database> {
  const home = managedHome(options.dataDir);
  let target = await open(base, first);
  let lostAt: number | undefined;
  let refusedPid: number | undefined;

  const lose = (): void => {
    if (!target.lease.live) return;
    target.lease.live = false;
    lostAt = performance.now();
    options.logger?.warn(
      { uri: target.instance.uri, pid: target.instance.pid },
      'The managed Neo4j stopped; waiting for it to run again',
    );
  };

  const found = (next: Target): void => {
    const previous = target;
    target = next;
    if (previous !== next) void previous.driver.close();
    options.logger?.info(
      {
        uri: next.instance.uri,
        pid: next.instance.pid,
        after_ms: lostAt === undefined ? 0 : Math.round(performance.now() - lostAt),
      },
      'Reconnected to the managed Neo4j',
    );
    lostAt = undefined;
  };

  const tick = async (): Promise<void> => {
    const state = readState(home);
    const current = target.instance;
    const same = state?.pid === current.pid && state.boltPort === current.boltPort;
    if (state && same && !state.stopping && isAlive(current.pid)) {
      if (!target.lease.live && listensOnPort(home, state)) {
        target.lease.live = true;
        found(target);
      }
      return;
    }
    lose();
    if (!state || state.stopping || same) return;
    try {
      const instance = await attachManaged(options.dataDir);
      if (instance) found(await open(base, instance));
    } catch (error) {
      // Not this folder's server after all (or not ready to log in): look again next time.
      if (refusedPid !== state.pid)
        options.logger?.warn({ err: error, pid: state.pid }, 'Not reconnecting to that Neo4j');
      refusedPid = state.pid;
    }
  };

  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= tick().finally(() => {
      running = undefined;
    });
  }, options.pollMs ?? FOLLOW_POLL_MS);
  timer.unref();

  const driver = new Proxy(target.driver, {
    get(_, property) {
      const current = target.driver;
      const value: unknown = Reflect.get(current, property, current);
      if (typeof value !== 'function') return value;
      if (!target.lease.live && property !== 'close') return refusal(property, target.instance.uri);
      return (value as () => unknown).bind(current);
    },
  });

  let closing: Promise<void> | undefined;
  return {
    driver,
    get settings() {
      return target.settings;
    },
    get info() {
      return target.info;
    },
    get managed() {
      return target.instance;
    },
    close: () =>
      (closing ??= (async () => {
        clearInterval(timer);
        await running;
        await target.driver.close();
        await first.stop();
      })()),
  };
}
