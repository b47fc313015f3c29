/**
 * The import's writes, in UNWIND batches inside one explicit transaction: nodes are merged by
 * label and id, relationships by type and ends, coverage rows update existing relationships.
 * Each batch says how many rows it created or changed and which rows named a missing node (or,
 * for updates, a missing relationship). Labels and types come only from the domain model.
 */
import type { ManagedTransaction, Transaction } from 'neo4j-driver';
import type { WriteStatement } from '../../../shared/audit';
import type { RelationshipKind } from '../../../shared/domain';
import type { Write } from './rows';

type Tx = Transaction | ManagedTransaction;

type Counts = { created: number; updated: number; unchanged: number };
type Missing = { row: number; reason: string };

const CHANGED = 'any(k IN keys(row.p) WHERE old[k] IS NULL OR old[k] <> row.p[k])';

function nodeMergeCypher(label: string): string {
  return (
    `UNWIND $rows AS row OPTIONAL MATCH (old:${label} {id: row.id}) ` +
    `WITH row, old IS NULL AS created, old IS NOT NULL AND ${CHANGED} AS changed ` +
    `MERGE (n:${label} {id: row.id}) SET n += row.p ` +
    'RETURN count(*) AS matched, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, ' +
    'sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated'
  );
}

function relMergeCypher(rel: RelationshipKind, updateOnly: boolean): string {
  const ends = `MATCH (a:${rel.from} {id: row.s}) MATCH (b:${rel.to} {id: row.t}) `;
  if (updateOnly)
    return (
      `UNWIND $rows AS row ${ends}MATCH (a)-[old:${rel.type}]->(b) ` +
      `WITH row, old, ${CHANGED} AS changed SET old += row.p ` +
      'RETURN count(*) AS matched, 0 AS created, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated'
    );
  return (
    `UNWIND $rows AS row ${ends}OPTIONAL MATCH (a)-[old:${rel.type}]->(b) ` +
    `WITH row, a, b, old IS NULL AS created, old IS NOT NULL AND ${CHANGED} AS changed ` +
    `MERGE (a)-[r:${rel.type}]->(b) SET r += row.p ` +
    'RETURN count(*) AS matched, sum(CASE WHEN created THEN 1 ELSE 0 END) AS created, ' +
    'sum(CASE WHEN changed THEN 1 ELSE 0 END) AS updated'
  );
}

const missingCypher = (rel: RelationshipKind, updateOnly: boolean): string =>
  `UNWIND $rows AS row ` +
  `OPTIONAL MATCH (a:${rel.from} {id: row.s}) OPTIONAL MATCH (b:${rel.to} {id: row.t}) ` +
  `WITH row, a, b WHERE a IS NULL OR b IS NULL` +
  (updateOnly ? ` OR NOT EXISTS { (a)-[:${rel.type}]->(b) } ` : ' ') +
  'RETURN row.n AS n, a IS NULL AS noSource, b IS NULL AS noTarget';

type Row = { n: number; id?: string; s?: string; t?: string; p: Record<string, unknown> };
type Group = { sample: Write; rows: Row[] };

const groupKey = (write: Write): string =>
  write.kind === 'node'
    ? `node ${write.label}`
    : `rel ${write.rel.type} ${write.rel.from} ${write.rel.to} ${write.updateOnly}`;

export function createBatchWriter(tx: Tx, batchSize: number) {
  const groups = new Map<string, Group>();
  const nodes: Counts = { created: 0, updated: 0, unchanged: 0 };
  const relationships: Counts = { created: 0, updated: 0, unchanged: 0 };
  const missing: Missing[] = [];
  // The write statements run, in first-use order, each with how many rows it took.
  const statements = new Map<string, number>();

  async function run(group: Group): Promise<void> {
    const rows = group.rows.splice(0);
    if (!rows.length) return;
    const write = group.sample;
    const cypher =
      write.kind === 'node'
        ? nodeMergeCypher(write.label)
        : relMergeCypher(write.rel, write.updateOnly);
    statements.set(cypher, (statements.get(cypher) ?? 0) + rows.length);
    const result = await tx.run(cypher, { rows });
    const record = result.records[0];
    const matched = Number(record?.get('matched') ?? 0);
    const created = Number(record?.get('created') ?? 0);
    const updated = Number(record?.get('updated') ?? 0);
    const counts = write.kind === 'node' ? nodes : relationships;
    counts.created += created;
    counts.updated += updated;
    counts.unchanged += matched - created - updated;
    if (write.kind === 'relationship' && matched < rows.length) {
      const { records } = await tx.run(missingCypher(write.rel, write.updateOnly), { rows });
      for (const r of records) {
        const lacks = [
          r.get('noSource') ? `${write.rel.from} ${rows.find((x) => x.n === r.get('n'))?.s}` : null,
          r.get('noTarget') ? `${write.rel.to} ${rows.find((x) => x.n === r.get('n'))?.t}` : null,
        ].filter((x) => x !== null);
        missing.push({
          row: Number(r.get('n')),
          reason: lacks.length
            ? `refers to a missing node: ${lacks.join(' and ')}`
            : `no ${write.rel.type} from ${write.rel.from} to ${write.rel.to} exists to update`,
        });
      }
    }
  }

  return {
    nodes,
    relationships,
    missing,
    /** The parameterised statements written so far (the dry run's preview, the audit's text). */
    statements(): WriteStatement[] {
      return [...statements].map(([cypher, rows]) => ({
        cypher,
        parameters_summary: `$rows: ${rows} rows in batches of up to ${batchSize}`,
      }));
    },
    async add(write: Write, row: number): Promise<void> {
      const key = groupKey(write);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { sample: write, rows: [] }));
      group.rows.push(
        write.kind === 'node'
          ? { n: row, id: write.id, p: write.props }
          : { n: row, s: write.s, t: write.t, p: write.props },
      );
      if (group.rows.length >= batchSize) await run(group);
    },
    /** Writes what is pending (at the end of each file, so that later files see it). */
    async flush(): Promise<void> {
      for (const group of groups.values()) await run(group);
    },
  };
}

export type BatchWriter = ReturnType<typeof createBatchWriter>;
