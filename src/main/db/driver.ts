/**
 * The process's one Neo4j driver: pool settings from configuration, and a connectivity check with
 * a timeout whose failures are typed errors (db/errors) that name the URI, not driver text.
 */
import neo4j, { type AuthTokenManager, type Driver } from 'neo4j-driver';
import { AppError } from '../../shared/errors';
import { connectionError, type DatabaseTarget, type UriSource } from './errors';

export type DbSettings = {
  uri: string;
  username: string;
  password: string;
  database: string;
  maxConnectionPoolSize: number;
  /** Milliseconds to wait for a pooled connection. */
  connectionAcquisitionTimeout: number;
  /** Milliseconds allowed for the first connectivity check. */
  connectTimeout: number;
  /** Where the URI comes from, so errors point at what the user can change (default `other`). */
  source?: UriSource;
};

/**
 * What errors may name of the settings (no credentials). It reads the settings when asked, so it
 * follows a database whose settings change (the managed one's port after a restart).
 */
export const databaseTarget = (settings: () => DbSettings): DatabaseTarget => ({
  get uri() {
    return settings().uri;
  },
  get database() {
    return settings().database;
  },
  get source() {
    return settings().source ?? 'other';
  },
});

export type ServerInfo = { address: string; version: string; edition: string; latencyMs: number };

/** `auth` replaces the settings' user and password (the managed database guards its logins). */
export function createDriver(settings: DbSettings, auth?: AuthTokenManager): Driver {
  return neo4j.driver(
    settings.uri,
    auth ?? neo4j.auth.basic(settings.username, settings.password),
    {
      maxConnectionPoolSize: settings.maxConnectionPoolSize,
      connectionAcquisitionTimeout: settings.connectionAcquisitionTimeout,
      connectionTimeout: Math.min(settings.connectTimeout, settings.connectionAcquisitionTimeout),
      // Managed transactions retry transient failures; 5 s keeps an outage visible (503) quickly.
      maxTransactionRetryTime: 5_000,
      disableLosslessIntegers: false,
      userAgent: 'smart-network',
    },
  );
}

async function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Checks that the database answers within the connect timeout and reports what it is. */
export async function checkConnectivity(driver: Driver, settings: DbSettings): Promise<ServerInfo> {
  const started = performance.now();
  try {
    const info = await withTimeout(
      driver.getServerInfo({ database: settings.database }),
      settings.connectTimeout,
      () =>
        new AppError(
          'DATABASE_UNAVAILABLE',
          `Neo4j did not answer at ${settings.uri}${settings.source === 'NEO4J_URI' ? ' (NEO4J_URI)' : ''} ` +
            `within ${settings.connectTimeout / 1000} s.`,
        ),
    );
    const latencyMs = performance.now() - started;
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
      {},
      { database: settings.database, routing: neo4j.routing.READ },
    );
    const record = records[0];
    return {
      address: info.address ?? settings.uri,
      version: String(record?.get('version') ?? info.agent ?? 'unknown'),
      edition: String(record?.get('edition') ?? 'unknown'),
      latencyMs,
    };
  } catch (error) {
    throw connectionError(
      error,
      databaseTarget(() => settings),
    );
  }
}
