/**
 * A read-only query is first planned with EXPLAIN (nothing runs). The access mode already makes
 * the database refuse writes; the plan also catches what the database counts as reads but a
 * read-only console must not do: LOAD CSV (reads files and URLs from the server) and
 * transaction administration. Planning also reports syntax errors before anything runs.
 */
import { Neo4jError, type ResultSummary, type Session } from 'neo4j-driver';
import type { ServiceDeps } from '../types';
import { writeRefusal } from './errors';

const UNPLANNABLE = 'Neo.ClientError.Statement.UnsupportedAdministrationCommand';

type PlanNode = { operatorType: string; children: PlanNode[] };

const REFUSED_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV imports files or URLs into the database',
  TerminateTransactions: 'TERMINATE TRANSACTIONS is an administration command',
};

function operators(plan: PlanNode | false | undefined): string[] {
  if (!plan) return [];
  return [plan.operatorType.split('@')[0] ?? '', ...plan.children.flatMap((c) => operators(c))];
}

/** The query without a leading EXPLAIN or PROFILE. */
export function withoutPlanKeyword(query: string): string {
  return query.replace(/^\s*(EXPLAIN|PROFILE)\b/i, '');
}

/** The query as EXPLAIN (a leading PROFILE or EXPLAIN would conflict, so it is replaced). */
export function explainText(query: string): string {
  return `EXPLAIN ${withoutPlanKeyword(query)}`;
}

/** Why the planned query may not run read-only, or undefined when it may. */
export function refusalReason(
  summary: Pick<ResultSummary, 'queryType' | 'plan'>,
): string | undefined {
  if (summary.queryType === 'w' || summary.queryType === 'rw')
    return 'This query writes to the database';
  // Schema-write procedures (e.g. db.clearQueryCaches) run in READ mode yet change server state;
  // SHOW commands share their query type and stay allowed.
  if (summary.queryType === 's' && !operators(summary.plan).some((op) => op.startsWith('Show')))
    return 'This query changes the schema or server state';
  for (const operator of operators(summary.plan)) {
    const reason = REFUSED_OPERATORS[operator];
    if (reason) return reason;
  }
  return undefined;
}

/** Plans the query; throws WRITE_NOT_ALLOWED when it may not run read-only. */
export async function preflight(
  session: Session,
  deps: ServiceDeps,
  query: string,
  parameters: Record<string, unknown>,
): Promise<string | undefined> {
  let result;
  try {
    result = await session.run(explainText(query), parameters);
  } catch (error) {
    // Commands this edition cannot plan (e.g. CREATE DATABASE): the real run in READ mode
    // gets the database's own verdict.
    if (error instanceof Neo4jError && error.code === UNPLANNABLE) return undefined;
    throw error;
  }
  const reason = refusalReason(result.summary);
  if (reason) throw writeRefusal(deps, reason);
  return result.summary.queryType;
}
