/**
 * The audit log in the database: one `(:AuditEntry)` per write, created in the same transaction
 * as the write, so it commits or rolls back with it. It records which client, when, what
 * (action, summary, the parameterised Cypher) and counts — never parameter values, which may
 * hold anything, and never tokens.
 */
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction, Transaction } from 'neo4j-driver';
import { AUDIT_LABEL, type AuditAction } from '../../shared/audit';
import { currentClient } from './request-context';

export type AuditRecord = {
  action: AuditAction;
  summary: string;
  counts: Record<string, number>;
  /** The parameterised Cypher the write ran (statements joined by `;\n`). */
  cypher?: string;
};

const SUMMARY_MAX = 500;
const CYPHER_MAX = 20_000;

const AUDIT_INSERT =
  `CREATE (a:${AUDIT_LABEL} {id: $id, at: datetime(), client: $client, action: $action, ` +
  'summary: $summary, counts_json: $counts_json, cypher: $cypher}) RETURN a.id AS id';

/** Writes one audit entry inside `tx`; returns its id. */
export async function recordAudit(
  tx: Transaction | ManagedTransaction,
  entry: AuditRecord,
): Promise<string> {
  const id = randomUUID();
  const { client } = currentClient();
  await tx.run(AUDIT_INSERT, {
    id,
    client,
    action: entry.action,
    summary: entry.summary.slice(0, SUMMARY_MAX),
    counts_json: JSON.stringify(entry.counts),
    cypher: entry.cypher === undefined ? null : entry.cypher.slice(0, CYPHER_MAX),
  });
  return id;
}

/** Writes one audit entry in a transaction of its own, after a write that commits in batches. */
export async function recordAuditAfter(
  driver: Driver,
  database: string,
  entry: AuditRecord,
): Promise<string> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  try {
    return await session.executeWrite((tx) => recordAudit(tx, entry));
  } finally {
    await session.close();
  }
}
