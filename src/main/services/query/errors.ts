/**
 * Failures of custom Cypher as errors a user can act on: writes refused by the read-only access
 * mode → WRITE_NOT_ALLOWED, the time limit → QUERY_TIMEOUT, errors in the query itself →
 * UNPROCESSABLE with the first line of the database's explanation (no stack, no driver dump).
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError } from '../../../shared/errors';
import { databaseError } from '../../db/errors';
import type { ServiceDeps } from '../types';

const MESSAGE_LIMIT = 300;

export function writeRefusal(
  deps: ServiceDeps,
  what = 'This query writes to the database',
): AppError {
  const how = deps.config.ALLOW_WRITE_QUERIES
    ? 'send it with "read_only": false to run it with write access'
    : 'this server runs queries read-only (writes need ALLOW_WRITE_QUERIES=true and "read_only": false)';
  return new AppError('WRITE_NOT_ALLOWED', `${what}; ${how}.`);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0]?.trim() ?? '';
  return line.length > MESSAGE_LIMIT ? `${line.slice(0, MESSAGE_LIMIT - 1)}…` : line;
}

/**
 * What the query itself caused comes first (a refused write, the time limit, a privilege the
 * query needs, too much memory); then database outages as for every operation; then any other
 * error the database explains is the query's (UNPROCESSABLE).
 */
export function queryError(error: unknown, deps: ServiceDeps, timeoutMs: number): unknown {
  if (!(error instanceof Neo4jError)) return databaseError(error, deps.target) ?? error;
  const { code } = error;
  if (code === 'Neo.ClientError.Statement.AccessMode') return writeRefusal(deps);
  if (code.includes('TransactionTimedOut'))
    return new AppError(
      'QUERY_TIMEOUT',
      `The query did not finish within its time limit of ${timeoutMs} ms and was stopped.`,
    );
  if (code === 'Neo.ClientError.Security.Forbidden')
    return new AppError(
      'UNPROCESSABLE',
      `The database refused the query: ${firstLine(error.message)}`,
    );
  if (code.includes('OutOfMemory'))
    return new AppError(
      'UNPROCESSABLE',
      firstLine(error.message) || 'The query needs too much memory.',
    );
  const outage = databaseError(error, deps.target);
  if (outage) return outage;
  if (code.startsWith('Neo.ClientError.'))
    return new AppError('UNPROCESSABLE', firstLine(error.message) || 'The query failed.');
  return error;
}
