/**
 * The one translation of Neo4j driver failures into errors a user can act on, for every
 * operation and every front (REST, IPC, CLI): the database is unreachable, busy or missing →
 * DATABASE_UNAVAILABLE; it refused the credentials → DATABASE_AUTH_FAILED. Messages name the
 * address and where the credentials came from, never the credentials themselves, and never send
 * a user to settings they did not use. Anything else is not a database outage and is left alone
 * (a defect, reported as INTERNAL by the fronts).
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../../shared/errors';

/**
 * Where the database's address and credentials come from, so errors point at what the user can
 * change. `NEO4J_URI`: the environment (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD,
 * NEO4J_DATABASE). `profile`: a connection profile of the desktop app. `managed`: the app's own
 * local Neo4j, whose credentials the user never set. `other`: a caller's own settings (tools).
 */
export type UriSource = 'NEO4J_URI' | 'profile' | 'managed' | 'other';

/** What messages may say about the database in use (no secrets). */
export type DatabaseTarget = { uri: string; database: string; source: UriSource };

const UNREACHABLE_CODES: readonly string[] = ['ServiceUnavailable', 'SessionExpired'];

const AUTH_CODES: readonly string[] = [
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Security.TokenExpired',
  'Neo.ClientError.Security.AuthorizationExpired',
];
const RATE_LIMITED = 'Neo.ClientError.Security.AuthenticationRateLimit';
const FORBIDDEN = 'Neo.ClientError.Security.Forbidden';
const DATABASE_NOT_FOUND = 'Neo.ClientError.Database.DatabaseNotFound';
const DATABASE_OFFLINE = 'Neo.TransientError.General.DatabaseUnavailable';
const ACCESS_MODE = 'Neo.ClientError.Statement.AccessMode';

function where(target: DatabaseTarget): string {
  return `Neo4j at ${target.uri}`;
}

/** What to check after a refused sign-in, by where the credentials came from. */
function refusedCredentials(target: DatabaseTarget): string {
  switch (target.source) {
    case 'managed':
      // The app generated the password of the database it started: if it is refused, the
      // server answering on that port is another one.
      return (
        `${where(target)} refused the managed database's own credentials: it is not this ` +
        "app's managed Neo4j, or its password was changed outside the app."
      );
    case 'profile':
      return `${where(target)} refused the credentials: check the user and password of the connection profile.`;
    case 'NEO4J_URI':
      return `${where(target)} refused the credentials: check NEO4J_USERNAME and NEO4J_PASSWORD.`;
    case 'other':
      return `${where(target)} refused the user name and password it was given.`;
  }
}

function databaseHint(target: DatabaseTarget): string {
  if (target.source === 'profile') return "check the connection profile's database";
  return target.source === 'other' ? 'check the database name' : 'check NEO4J_DATABASE';
}

/** The database cannot be reached at all. */
function unreachable(target: DatabaseTarget): AppError {
  const variable = target.source === 'NEO4J_URI' ? ' (NEO4J_URI)' : '';
  return new AppError('DATABASE_UNAVAILABLE', `Neo4j is unreachable at ${target.uri}${variable}.`);
}

/** The typed error of a driver failure that means "no usable database", else undefined. */
export function databaseError(error: unknown, target: DatabaseTarget): AppError | undefined {
  if (error instanceof AppError) return error;
  if (!(error instanceof Neo4jError)) return undefined;
  const { code } = error;
  if (UNREACHABLE_CODES.includes(code)) return unreachable(target);
  if (AUTH_CODES.includes(code))
    return new AppError('DATABASE_AUTH_FAILED', refusedCredentials(target));
  if (code === RATE_LIMITED)
    return new AppError(
      'DATABASE_AUTH_FAILED',
      `${refusedCredentials(target)} It refuses sign-ins for a while after too many failed ones.`,
    );
  if (code === FORBIDDEN)
    return new AppError(
      'DATABASE_AUTH_FAILED',
      `${where(target)} does not allow this database user to do that; it needs read and ` +
        'write access to the database.',
    );
  // Every session of a read-only connection runs in READ mode: the database refused a write.
  if (code === ACCESS_MODE)
    return new AppError(
      'WRITE_NOT_ALLOWED',
      `${where(target)} refused a write: this connection runs every session read-only.`,
    );
  if (code === DATABASE_NOT_FOUND)
    return new AppError(
      'DATABASE_UNAVAILABLE',
      `${where(target)} has no database named "${target.database}": ${databaseHint(target)}.`,
    );
  // A bookmark the database cannot read (made up, or of another database).
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark'))
    return new AppError('VALIDATION_ERROR', 'The bookmark is not one this database gave out.', [
      { field: 'bookmark', message: 'not a bookmark of this database' },
    ]);
  if (code === DATABASE_OFFLINE)
    return new AppError(
      'DATABASE_UNAVAILABLE',
      `${where(target)} has database "${target.database}" offline (starting or stopping); ` +
        'try again shortly.',
    );
  // Managed transactions already retried these (deadlocks, leader changes, memory pressure).
  if (code.startsWith('Neo.TransientError.'))
    return new AppError('DATABASE_UNAVAILABLE', `${where(target)} is busy; try again shortly.`);
  // The driver's own pool timeout carries no code of its own.
  if (/connection acquisition timed out/i.test(error.message))
    return new AppError(
      'DATABASE_UNAVAILABLE',
      `${where(target)} has no free connection (all are in use); try again shortly.`,
    );
  return undefined;
}

/** The typed error, or the failure itself when it is not a database outage. */
export function asDatabaseError(error: unknown, target: DatabaseTarget): unknown {
  return databaseError(error, target) ?? error;
}

/** For connecting: whatever stops a first contact (even an unnamed driver failure) is "no database". */
export function connectionError(error: unknown, target: DatabaseTarget): AppError {
  return databaseError(error, target) ?? unreachable(target);
}
