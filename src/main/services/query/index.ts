/**
 * Custom Cypher. Read-only unless the server allows writes (ALLOW_WRITE_QUERIES) and the request
 * asks for them (read_only: false); read-only queries run in READ access mode, so the database
 * itself refuses writes, after a plan check (see preflight). A time limit and a row cap apply,
 * each from the request but never above the configured one; past the cap the stream is cancelled.
 * `plan` runs the query as EXPLAIN or PROFILE and answers with its plan. A run named by `run_id`
 * can be stopped: closing its session resets the connection, which ends the transaction in the
 * database (a write is rolled back).
 */
import neo4j, { type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import type { QueryRequest, QueryResponse } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Handlers, ServiceDeps } from '../types';
import { writtenBookmark } from '../../db/bookmarks';
import { recordAudit, recordAuditAfter, type AuditRecord } from '../audit';
import { queryError } from './errors';
import { toCypherParameters } from './parameters';
import { planOf } from './plan';
import { preflight, withoutPlanKeyword } from './preflight';
import { graphOf, rowsOf } from './result';

const QUERY_TYPES: Record<string, string> = {
  r: 'read',
  rw: 'read_write',
  w: 'write',
  s: 'schema_write',
};

type Running = { session: Session; stopped: boolean };

export function createQueryService(deps: ServiceDeps) {
  const { config } = deps;
  const running = new Map<string, Running>();
  return {
    async runQuery(input: QueryRequest): Promise<QueryResponse> {
      // The write's bookmark is known once its session has closed.
      const response = await run(input);
      return { ...response, bookmark: writtenBookmark() };
    },
    async stopQuery({ run_id }: { run_id: string }) {
      const entry = running.get(run_id);
      if (!entry) return { run_id, stopped: false };
      entry.stopped = true;
      running.delete(run_id);
      await entry.session.close();
      return { run_id, stopped: true };
    },
  } satisfies Partial<Handlers>;

  async function run(input: QueryRequest): Promise<Omit<QueryResponse, 'bookmark'>> {
    const writes = config.ALLOW_WRITE_QUERIES && !input.read_only;
    const cap = Math.min(input.limit ?? config.QUERY_ROW_CAP, config.QUERY_ROW_CAP);
    const timeout = Math.min(input.timeout_ms ?? config.QUERY_TIMEOUT_MS, config.QUERY_TIMEOUT_MS);
    const parameters = toCypherParameters(input.parameters);
    const session = deps.driver.session({
      database: deps.database,
      defaultAccessMode: writes ? neo4j.session.WRITE : neo4j.session.READ,
      fetchSize: Math.min(cap + 1, 1_000),
    });
    if (input.run_id !== undefined && running.has(input.run_id))
      throw new AppError('CONFLICT', `A query with run_id ${input.run_id} is already running.`, [
        { field: 'run_id', message: 'already running' },
      ]);
    const entry: Running = { session, stopped: false };
    if (input.run_id !== undefined) running.set(input.run_id, entry);
    const text = input.plan
      ? `${input.plan.toUpperCase()} ${withoutPlanKeyword(input.query)}`
      : input.query;
    const started = performance.now();
    try {
      const planned = writes ? undefined : await preflight(session, deps, text, parameters);
      // A write runs in a transaction of its own, with its audit entry; one that commits batches
      // itself (CALL { } IN TRANSACTIONS) needs auto-commit, and its entry follows it.
      const tx = writes && !commitsItself(text) ? session.beginTransaction({ timeout }) : null;
      const result = tx ? tx.run(text, parameters) : session.run(text, parameters, { timeout });
      const records: Neo4jRecord[] = [];
      let truncated = false;
      for await (const record of result) {
        if (records.length >= cap) {
          truncated = true;
          break;
        }
        records.push(record);
      }
      if (entry.stopped) throw stoppedError();
      const summary = truncated ? undefined : await result.summary();
      const counters = summary?.counters;
      const changed = counters && (counters.containsUpdates() || counters.containsSystemUpdates());
      const counts = changed ? { ...counters.updates(), ...systemUpdates(counters) } : undefined;
      if (writes && (changed || truncated)) {
        const audit = queryAudit(input.query, counts ?? {});
        if (tx) await recordAudit(tx, audit);
        else await recordAuditAfter(deps.driver, deps.database, audit);
      }
      if (tx) await tx.commit();
      const elapsed = performance.now() - started;
      const queryType = summary?.queryType ?? planned ?? 'r';
      return {
        columns: records[0]?.keys.map(String) ?? (await result.keys()).map(String),
        rows: rowsOf(records),
        graph: await graphOf(records, session),
        plan: summary ? planOf(summary) : null,
        summary: {
          query_type: QUERY_TYPES[queryType] ?? queryType,
          row_count: records.length,
          truncated,
          elapsed_ms: Math.round(elapsed * 10) / 10,
          ...(counts && { counters: counts }),
        },
      };
    } catch (error) {
      if (entry.stopped) throw stoppedError();
      throw queryError(error, deps, timeout);
    } finally {
      if (input.run_id !== undefined && running.get(input.run_id) === entry)
        running.delete(input.run_id);
      await session.close();
    }
  }
}

/** `CALL { … } IN [n CONCURRENT] TRANSACTIONS` commits on its own, outside any transaction. */
const commitsItself = (text: string): boolean =>
  /\bIN\s+(?:\d+\s+CONCURRENT\s+)?TRANSACTIONS\b/i.test(text);

/** The audit entry of a write query: its text (values are parameters, never stored) and counts. */
function queryAudit(query: string, counts: Record<string, number>): AuditRecord {
  const firstLine = query.trim().split('\n')[0] ?? '';
  return {
    action: 'query',
    summary: `Write query: ${firstLine.length > 120 ? `${firstLine.slice(0, 117)}…` : firstLine}`,
    counts,
    cypher: query,
  };
}

const stoppedError = (): AppError => new AppError('CANCELLED', 'The query was stopped.');

function systemUpdates(counters: { systemUpdates(): number }): Record<string, number> {
  const count = counters.systemUpdates();
  return count > 0 ? { systemUpdates: count } : {};
}
