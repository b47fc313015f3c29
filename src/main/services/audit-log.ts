/**
 * Reading the audit log: a page of entries newest first (by action and time range), and the
 * same entries as a CSV file. Runs in READ routing; the `at` index orders and bounds the scan.
 */
import neo4j from 'neo4j-driver';
import {
  AUDIT_CSV_COLUMNS,
  AUDIT_EXPORT_MAX,
  AUDIT_LABEL,
  AuditEntry,
  type AuditExport,
  type AuditListInput,
  type AuditPage,
} from '../../shared/audit';
import { toCsv } from '../../shared/csv';
import type { Handlers, ServiceDeps } from './types';

type Filters = Pick<AuditListInput, 'action' | 'from' | 'to'>;

const WHERE = `WHERE ($action IS NULL OR a.action = $action)
  AND ($from IS NULL OR a.at >= datetime($from))
  AND ($to IS NULL OR a.at <= datetime($to))`;

const COUNT = `MATCH (a:${AUDIT_LABEL}) ${WHERE} RETURN count(a) AS total`;

const PAGE = `MATCH (a:${AUDIT_LABEL}) ${WHERE}
RETURN a.id AS id, toString(a.at) AS at, a.client AS client, a.action AS action,
  a.summary AS summary, a.counts_json AS counts_json, a.cypher AS cypher
ORDER BY a.at DESC, a.id DESC SKIP $offset LIMIT $limit`;

/**
 * An instant as Neo4j's datetime() reads it: RFC 3339 allows any offset up to ±23:59, Neo4j only
 * ±18:00, so the instant is written in UTC (to the millisecond).
 */
const utc = (instant: string | undefined): string | null =>
  instant === undefined ? null : new Date(instant).toISOString();

const params = (filters: Filters) => ({
  action: filters.action ?? null,
  from: utc(filters.from),
  to: utc(filters.to),
});

type Row = { get(key: string): unknown };

function entryOf(record: Row): AuditEntry {
  const countsJson = record.get('counts_json');
  const counts: unknown = typeof countsJson === 'string' ? JSON.parse(countsJson) : {};
  const cypher = record.get('cypher');
  return AuditEntry.parse({
    id: record.get('id'),
    at: record.get('at'),
    client: record.get('client'),
    action: record.get('action'),
    summary: record.get('summary'),
    counts,
    cypher: typeof cypher === 'string' ? cypher : null,
  });
}

export function createAuditLogService(deps: Pick<ServiceDeps, 'driver' | 'database'>) {
  const { driver, database } = deps;
  const read = (cypher: string, values: Record<string, unknown>) =>
    driver.executeQuery(cypher, values, { database, routing: neo4j.routing.READ });

  async function page(filters: Filters, offset: number, limit: number): Promise<AuditEntry[]> {
    const { records } = await read(PAGE, {
      ...params(filters),
      offset: neo4j.int(offset),
      limit: neo4j.int(limit),
    });
    return records.map(entryOf);
  }

  return {
    async listAudit(input: AuditListInput): Promise<AuditPage> {
      const { records } = await read(COUNT, params(input));
      const total = Number(records[0]?.get('total') ?? 0);
      return {
        entries: await page(input, input.offset, input.limit),
        total,
        offset: input.offset,
        limit: input.limit,
      };
    },
    async exportAudit(input: Filters): Promise<AuditExport> {
      const entries = await page(input, 0, AUDIT_EXPORT_MAX + 1);
      const truncated = entries.length > AUDIT_EXPORT_MAX;
      const rows = entries.slice(0, AUDIT_EXPORT_MAX).map((e) => ({
        at: e.at,
        client: e.client,
        action: e.action,
        summary: e.summary,
        counts: JSON.stringify(e.counts),
        cypher: e.cypher,
      }));
      const day = new Date().toISOString().slice(0, 10);
      return {
        file_name: `audit-log-${day}.csv`,
        csv: toCsv(AUDIT_CSV_COLUMNS, rows),
        rows: rows.length,
        truncated,
      };
    },
  } satisfies Partial<Handlers>;
}
