/**
 * Database setup: uniqueness constraints, lookup indexes and the full-text name index. Every
 * statement is idempotent (IF NOT EXISTS); the result says which ones are new.
 */
import type { Driver } from 'neo4j-driver';
import { AUDIT_LABEL } from '../../shared/audit';
import { NODE_LABELS, type NodeLabel } from '../../shared/domain';

type SchemaItem = { name: string; kind: 'constraint' | 'index'; cypher: string };

/** Properties that filters and lookups use, per label. */
const INDEXED_PROPERTIES: Record<NodeLabel, readonly string[]> = {
  CONSULTANT: ['region', 'name', 'sales_region', 'channel', 'generation_id'],
  FIELD_CONSULTANT: ['region', 'name', 'sales_region', 'channel', 'consultant_id', 'generation_id'],
  COMPANY: ['region', 'name', 'sales_region', 'channel', 'privacy', 'generation_id'],
  PRODUCT: ['region', 'name', 'asset_class', 'jpm_flag', 'generation_id'],
  INCUMBENT_PRODUCT: ['region', 'name', 'asset_class', 'generation_id'],
};

/** Relationship properties that filters match on. */
const RELATIONSHIP_INDEXES = [
  ['COVERS', 'level_of_influence'],
  ['OWNS', 'mandate_status'],
  ['RATES', 'rating'],
  ['BI_RECOMMENDS', 'opportunity_type'],
] as const;

export const FULLTEXT_INDEX = 'node_name_fulltext';

/** The audit log: entries by id, and listed newest first by time. */
const AUDIT_SCHEMA: SchemaItem[] = [
  {
    name: 'audit_entry_id_unique',
    kind: 'constraint',
    cypher: `CREATE CONSTRAINT audit_entry_id_unique IF NOT EXISTS FOR (a:${AUDIT_LABEL}) REQUIRE a.id IS UNIQUE`,
  },
  {
    name: 'audit_entry_at',
    kind: 'index',
    cypher: `CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:${AUDIT_LABEL}) ON (a.at)`,
  },
];

const lower = (s: string): string => s.toLowerCase();

export function schemaItems(): SchemaItem[] {
  const constraints = NODE_LABELS.map((label) => ({
    name: `${lower(label)}_id_unique`,
    kind: 'constraint' as const,
    cypher: `CREATE CONSTRAINT ${lower(label)}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
  }));
  const nodeIndexes = NODE_LABELS.flatMap((label) =>
    INDEXED_PROPERTIES[label].map((property) => ({
      name: `${lower(label)}_${property}`,
      kind: 'index' as const,
      cypher: `CREATE INDEX ${lower(label)}_${property} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
    })),
  );
  const relIndexes = RELATIONSHIP_INDEXES.map(([type, property]) => ({
    name: `${lower(type)}_${property}`,
    kind: 'index' as const,
    cypher: `CREATE INDEX ${lower(type)}_${property} IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.${property})`,
  }));
  const fulltext = {
    name: FULLTEXT_INDEX,
    kind: 'index' as const,
    cypher: `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${NODE_LABELS.join('|')}) ON EACH [n.name, n.id]`,
  };
  return [...constraints, ...nodeIndexes, ...relIndexes, fulltext, ...AUDIT_SCHEMA];
}

export type SetupResult = { created: string[]; existing: string[]; seconds: number };

async function existingNames(driver: Driver, database: string): Promise<Set<string>> {
  const [constraints, indexes] = await Promise.all([
    driver.executeQuery('SHOW CONSTRAINTS YIELD name', {}, { database, routing: 'READ' }),
    driver.executeQuery('SHOW INDEXES YIELD name', {}, { database, routing: 'READ' }),
  ]);
  return new Set(
    [...constraints.records, ...indexes.records].map((record) => String(record.get('name'))),
  );
}

export async function setupSchema(driver: Driver, database: string): Promise<SetupResult> {
  const started = performance.now();
  const before = await existingNames(driver, database);
  const items = schemaItems();
  for (const item of items.filter((i) => !before.has(i.name)))
    await driver.executeQuery(item.cypher, {}, { database, routing: 'WRITE' });
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database, routing: 'WRITE' });
  return {
    created: items.filter((i) => !before.has(i.name)).map((i) => i.name),
    existing: items.filter((i) => before.has(i.name)).map((i) => i.name),
    seconds: (performance.now() - started) / 1000,
  };
}
