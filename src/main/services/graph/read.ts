/**
 * Read transactions for the services: READ access mode (routed to readers on a cluster), driver
 * failures that mean "no database" mapped to DATABASE_UNAVAILABLE, and typed access to values.
 */
import neo4j, {
  isInt,
  isNode,
  isRelationship,
  Neo4jError,
  type ManagedTransaction,
  type Node,
  type Relationship,
} from 'neo4j-driver';
import { AppError } from '../../../shared/errors';
import { toDatabaseError } from '../../db/driver';
import type { ServiceDeps } from '../types';

const UNAVAILABLE_CODES = [
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
];

/** The address named in "unreachable" messages (the managed database has no configured URI). */
export const databaseAddress = (deps: ServiceDeps): string =>
  deps.config.NEO4J_URI ?? 'the managed local Neo4j';

/** Connection and authentication failures become AppErrors; anything else is a defect, kept as is. */
export function databaseFailure(error: unknown, deps: ServiceDeps): unknown {
  if (error instanceof AppError) return error;
  if (
    error instanceof Neo4jError &&
    (UNAVAILABLE_CODES.includes(error.code) || error.code.startsWith('Neo.ClientError.Security.'))
  )
    return toDatabaseError(
      error,
      databaseAddress(deps),
      deps.config.NEO4J_URI ? 'NEO4J_URI' : 'managed',
    );
  return error;
}

export async function readTransaction<T>(
  deps: ServiceDeps,
  work: (tx: ManagedTransaction) => Promise<T>,
): Promise<T> {
  const session = deps.driver.session({
    database: deps.database,
    defaultAccessMode: neo4j.session.READ,
  });
  try {
    return await session.executeRead(work);
  } catch (error) {
    throw databaseFailure(error, deps);
  } finally {
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
