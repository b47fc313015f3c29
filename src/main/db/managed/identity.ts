/**
 * Is the Neo4j on a port this data folder's own? Asked twice. Before anything is sent to the
 * port: the listening socket belongs to the JVM started from this folder (so no credentials ever
 * go to a foreign server). After logging in: the DBMS id is the one recorded on first start.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { AppError } from '../../../shared/errors';
import { connectionError } from '../errors';
import {
  type Credentials,
  type ManagedState,
  credentialsPath,
  readIdentity,
  writeCredentials,
  writeIdentity,
} from './files';
import { holdsListeningPort } from './port-owner';
import { isOurServer } from './process';

const BOLT_ENABLED =
  /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d+)([+-]\d\d)(\d\d) .*Bolt enabled on \S+:(\d+)\.\s*$/;

/**
 * The fallback where the system cannot say who holds a port: the server's own log reports that
 * it opened Bolt on the port since it started; while it lives, nothing else can listen there.
 */
export function loggedBolt(log: string, port: number, since: Date): boolean {
  return log.split('\n').some((line) => {
    const match = BOLT_ENABLED.exec(line);
    if (!match || Number(match[5]) !== port) return false;
    const at = Date.parse(`${match[1]}T${match[2]}${match[3]}:${match[4]}`);
    // Log times have millisecond precision; the state's start time is taken just before launch.
    return at >= since.getTime() - 1_000;
  });
}

/** True when the server of this state, started from `home`, holds the listening socket of its port. */
export function listensOnPort(home: string, state: ManagedState): boolean {
  if (!isOurServer(state.pid, home)) return false;
  const held = holdsListeningPort(state.pid, state.boltPort);
  if (held !== undefined) return held;
  let log = '';
  try {
    log = readFileSync(join(home, 'logs', 'neo4j.log'), 'utf8');
  } catch {
    return false;
  }
  return loggedBolt(log, state.boltPort, new Date(state.startedAt));
}

const notOurs = (uri: string, why: string): AppError =>
  new AppError(
    'DATABASE_UNAVAILABLE',
    `The database at ${uri} is not this app's managed Neo4j: ${why}`,
  );

async function dbmsId(uri: string, credentials: Credentials): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(credentials.username, credentials.password));
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.info() YIELD id RETURN id',
      {},
      { database: 'system', routing: neo4j.routing.READ },
    );
    return String(records[0]?.get('id'));
  } catch (error) {
    throw connectionError(error, { uri, database: 'system', source: 'managed' });
  } finally {
    await driver.close();
  }
}

/** First start: replaces the initial `neo4j`/`neo4j` password with a generated one. */
async function firstCredentials(home: string, uri: string): Promise<Credentials> {
  const credentials = {
    username: 'neo4j',
    password: randomBytes(24).toString('base64url'),
  };
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'neo4j'));
  try {
    await driver.executeQuery(
      'ALTER CURRENT USER SET PASSWORD FROM $old TO $new',
      { old: 'neo4j', new: credentials.password },
      { database: 'system' },
    );
  } catch {
    throw new AppError(
      'DATABASE_AUTH_FAILED',
      `The managed database in ${home} has a password this app does not know ` +
        `(${credentialsPath(home)} is missing or unreadable). Stop it and delete ` +
        `${join(home, 'data')} to start afresh.`,
    );
  } finally {
    await driver.close();
  }
  await writeCredentials(home, credentials);
  return credentials;
}

/**
 * Logs in to the server at `uri`, whose socket was already found to be ours, and checks that it
 * serves this folder's DBMS (recording its id on the first start). Only the process that
 * launched the server sets the first password; others use the credentials it wrote.
 */
export async function login(
  home: string,
  uri: string,
  credentials: Credentials | 'first-start',
): Promise<Credentials> {
  const using = credentials === 'first-start' ? await firstCredentials(home, uri) : credentials;
  const id = await dbmsId(uri, using);
  const recorded = readIdentity(home);
  if (recorded === undefined) await writeIdentity(home, id);
  else if (recorded !== id)
    throw notOurs(uri, `it serves another store than ${join(home, 'data')}.`);
  return using;
}
