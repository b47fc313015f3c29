/**
 * Read transactions for the services: READ access mode (routed to readers on a cluster), the
 * database stops a transaction that runs past QUERY_TIMEOUT_MS (QUERY_TIMEOUT), driver failures
 * that mean "no database" as typed errors (db/errors), and typed access to values. A read whose
 * caller stops waiting (the request's signal) is stopped: its session is closed, which resets the
 * connection and ends the transaction in the database, and it answers CANCELLED.
 */
import neo4j, {
  Neo4jError,
  isInt,
  isNode,
  isRelationship,
  type ManagedTransaction,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import { AppError } from '../../../shared/errors';
import { asDatabaseError } from '../../db/errors';
import { currentClient } from '../request-context';
import type { ServiceDeps } from '../types';

const givenUp = (): AppError =>
  new AppError('CANCELLED', 'The caller stopped waiting; the read was stopped in the database.');

export async function readTransaction<T>(
  deps: ServiceDeps,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const { signal } = currentClient();
  if (signal?.aborted) throw givenUp();
  const session = deps.driver.session({
    database: deps.database,
    defaultAccessMode: neo4j.session.READ,
  });
  const stop = (): void => void session.close().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  const timeout = deps.config.QUERY_TIMEOUT_MS;
  try {
    return await session.executeRead(work, { timeout });
  } catch (error) {
    if (signal?.aborted) throw givenUp();
    if (error instanceof Neo4jError && error.code.includes('TransactionTimedOut'))
      throw new AppError(
        'QUERY_TIMEOUT',
        `The database did not answer within ${timeout / 1000} s and the read was stopped.`,
      );
    throw asDatabaseError(error, deps.target);
  } finally {
    signal?.removeEventListener('abort', stop);
    await session.close();
  }
}

export function numberOf(value: unknown): number {
  if (isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : 0;
}

export function nodesOf(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter((v): v is Node => isNode(v)) : [];
}

export function relationshipsOf(value: unknown): Relationship[] {
  return Array.isArray(value) ? value.filter((v): v is Relationship => isRelationship(v)) : [];
}

/** Neo4j integers for parameters that Cypher needs as integers (LIMIT, SKIP, stored ints). */
export const int = (value: number) => neo4j.int(value);

/**
 * How many roots (consultants, companies) a capped view reads next: a first guess of 1 root per
 * 16 nodes of the cap, then, while their neighbourhoods hold fewer than `limit` nodes, enough
 * for the nodes a root held so far (with a quarter more), at least twice as many.
 */
export function anchorsToRead(limit: number, read?: number, reached?: number): number {
  if (read === undefined || reached === undefined) return Math.max(1, Math.ceil(limit / 16));
  const perRoot = Math.max(reached, 1) / read;
  return Math.max(read * 2, Math.ceil((limit / perRoot) * 1.25));
}
