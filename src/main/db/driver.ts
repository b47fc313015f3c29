/**
 * The process's one Neo4j driver: pool settings from configuration, a connectivity check with a
 * timeout, and errors that name the URI instead of leaking driver text.
 */
import neo4j, { type AuthTokenManager, type Driver, Neo4jError } from 'neo4j-driver';
import { AppError } from '../../shared/errors';

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
 * `NEO4J_URI`: the user configured it (errors name the variable). `managed`: the app's own local
 * Neo4j, whose credentials the user never set. `other`: a connection profile or a caller's own.
 */
export type UriSource = 'NEO4J_URI' | 'managed' | 'other';

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

const unreachable = (uri: string, source: UriSource): string =>
  source === 'NEO4J_URI'
    ? `Neo4j is unreachable at ${uri} (NEO4J_URI).`
    : `Neo4j is unreachable at ${uri}.`;

/** Maps driver failures to errors a user can act on; the URI is named, credentials never are. */
export function toDatabaseError(
  error: unknown,
  uri: string,
  source: UriSource = 'other',
): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (error.code === 'Neo.ClientError.Security.Unauthorized')
      return new AppError(
        'DATABASE_AUTH_FAILED',
        source === 'managed'
          ? `Neo4j at ${uri} refused the managed database's own credentials: it is not this ` +
              "app's managed Neo4j, or its password was changed outside the app."
          : `Neo4j at ${uri} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`,
      );
    if (error.code === 'Neo.ClientError.Database.DatabaseNotFound')
      return new AppError(
        'DATABASE_UNAVAILABLE',
        `Neo4j at ${uri} has no such database: check NEO4J_DATABASE.`,
      );
  }
  return new AppError('DATABASE_UNAVAILABLE', unreachable(uri, source));
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
    throw toDatabaseError(error, settings.uri, settings.source);
  }
}
