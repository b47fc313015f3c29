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

/** Whether the row changes a property of `x` (the node or relationship, as it was). */
const changed = (x: string): string =>
  `any(k IN keys(row.p) WHERE ${x}[k] IS NULL OR ${x}[k] <> row.p[k])`;

/**
 * One index lookup per row (the MERGE on the constrained id); a row that changes nothing is not
 * written. Created nodes are counted by the query's statistics; the rest changed or not.
 */
function nodeMergeCypher(label: string): string {
  return (
    `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) ` +
    `WITH n, row WHERE ${changed('n')} SET n += row.p ` +
    'RETURN count(*) AS written'
  );
}

function relMergeCypher(rel: RelationshipKind, updateOnly: boolean): string {
  const ends = `MATCH (a:${rel.from} {id: row.s}) MATCH (b:${rel.to} {id: row.t}) `;
  const link = updateOnly ? `MATCH (a)-[r:${rel.type}]->(b) ` : `MERGE (a)-[r:${rel.type}]->(b) `;
  return (
    `UNWIND $rows AS row ${ends}${link}` +
    // A relationship without properties (e.g. just created) counts as written.
    `WITH r, row, size(keys(r)) = 0 OR ${changed('r')} AS changed ` +
    'SET r += CASE WHEN changed THEN row.p ELSE {} END ' +
    'RETURN count(*) AS matched, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS written'
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

  async function write(group: Group, rows: Row[]): Promise<void> {
    const write = group.sample;
    const cypher =
      write.kind === 'node'
        ? nodeMergeCypher(write.label)
        : relMergeCypher(write.rel, write.updateOnly);
    statements.set(cypher, (statements.get(cypher) ?? 0) + rows.length);
    const result = await tx.run(cypher, { rows });
    const record = result.records[0];
    const updates = result.summary.counters.updates();
    const written = Number(record?.get('written') ?? 0);
    const matched = write.kind === 'node' ? rows.length : Number(record?.get('matched') ?? 0);
    const created = write.kind === 'node' ? updates.nodesCreated : updates.relationshipsCreated;
    const counts = write.kind === 'node' ? nodes : relationships;
    counts.created += created;
    counts.updated += written - created;
    counts.unchanged += matched - written;
    if (write.kind === 'relationship' && matched < rows.length) {
      const { records } = await tx.run(missingCypher(write.rel, write.updateOnly), { rows });
      const byRow = new Map(rows.map((x) => [x.n, x]));
      for (const r of records) {
        const row = byRow.get(Number(r.get('n')));
        const lacks = [
          r.get('noSource') ? `${write.rel.from} ${row?.s}` : null,
          r.get('noTarget') ? `${write.rel.to} ${row?.t}` : null,
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

  /**
   * The batch is sent while the next one is read and checked: one write is in flight at a time
   * (the transaction runs its queries in order), and its failure surfaces at the next send or
   * at the flush.
   */
  let inFlight: Promise<void> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  async function settle(): Promise<void> {
    await inFlight;
    if (failure) throw failure.error;
  }
  async function run(group: Group): Promise<void> {
    await settle();
    const rows = group.rows.splice(0);
    if (!rows.length) return;
    inFlight = write(group, rows).catch((error: unknown) => {
      failure = { error };
    });
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
      await settle();
    },
  };
}

export type BatchWriter = ReturnType<typeof createBatchWriter>;
