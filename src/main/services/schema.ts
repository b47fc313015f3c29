/**
 * The database's schema as the data and the catalogue show it: labels, relationship types and
 * property keys (with counts and value types) from one read each, indexes and constraints from
 * SHOW. Everything runs in READ routing. Generation records and the audit log are metadata: their
 * nodes are left out of the label counts and the property keys (the catalogue still lists their
 * constraints and indexes).
 * Driver failures are translated for every operation alike (database-errors).
 */
import neo4j from 'neo4j-driver';
import type { SchemaResponse } from '../../shared/api';
import { notMetadata } from './metadata';
import type { Handlers, ServiceDeps } from './types';

type Row = { get(key: string): unknown };

const LABELS = `MATCH (n) WHERE ${notMetadata('n')}
UNWIND labels(n) AS label
RETURN label, count(*) AS count ORDER BY label`;

const TYPES = 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type';

const NODE_KEYS = `MATCH (n) WHERE ${notMetadata('n')}
UNWIND keys(n) AS key
RETURN key, count(*) AS count, collect(DISTINCT valueType(n[key])) AS types`;

const RELATIONSHIP_KEYS = `MATCH ()-[r]->()
UNWIND keys(r) AS key
RETURN key, count(*) AS count, collect(DISTINCT valueType(r[key])) AS types`;

const INDEXES = `SHOW INDEXES
YIELD name, type, entityType, labelsOrTypes, properties, state, owningConstraint
RETURN * ORDER BY name`;

const CONSTRAINTS = `SHOW CONSTRAINTS
YIELD name, type, entityType, labelsOrTypes, properties
RETURN * ORDER BY name`;

const number = (value: unknown): number => (neo4j.isInt(value) ? value.toNumber() : Number(value));
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const entity = (value: unknown): 'NODE' | 'RELATIONSHIP' =>
  value === 'RELATIONSHIP' ? 'RELATIONSHIP' : 'NODE';

function target(row: Row) {
  return {
    name: String(row.get('name')),
    type: String(row.get('type')),
    entity_type: entity(row.get('entityType')),
    labels_or_types: strings(row.get('labelsOrTypes')),
    properties: strings(row.get('properties')),
  };
}

function propertyKeys(nodeRows: Row[], relationshipRows: Row[]): SchemaResponse['property_keys'] {
  const keys = new Map<string, SchemaResponse['property_keys'][number]>();
  const add = (rows: Row[], side: 'nodes' | 'relationships'): void => {
    for (const row of rows) {
      const key = String(row.get('key'));
      const entry = keys.get(key) ?? { key, nodes: 0, relationships: 0, types: [] };
      entry[side] = number(row.get('count'));
      entry.types = [...new Set([...entry.types, ...strings(row.get('types'))])].sort();
      keys.set(key, entry);
    }
  };
  add(nodeRows, 'nodes');
  add(relationshipRows, 'relationships');
  return [...keys.values()].sort((a, b) => a.key.localeCompare(b.key));
}

async function readSchema(deps: ServiceDeps): Promise<SchemaResponse> {
  const read = (cypher: string) =>
    deps.driver.executeQuery(cypher, {}, { database: deps.database, routing: neo4j.routing.READ });
  const [labels, types, nodeKeys, relationshipKeys, indexes, constraints] = await Promise.all(
    [LABELS, TYPES, NODE_KEYS, RELATIONSHIP_KEYS, INDEXES, CONSTRAINTS].map(read),
  );
  return {
    labels: (labels?.records ?? []).map((row) => ({
      label: String(row.get('label')),
      count: number(row.get('count')),
    })),
    relationship_types: (types?.records ?? []).map((row) => ({
      type: String(row.get('type')),
      count: number(row.get('count')),
    })),
    property_keys: propertyKeys(nodeKeys?.records ?? [], relationshipKeys?.records ?? []),
    indexes: (indexes?.records ?? []).map((row) => {
      const owner: unknown = row.get('owningConstraint');
      return {
        ...target(row),
        state: String(row.get('state')),
        owning_constraint: typeof owner === 'string' ? owner : null,
      };
    }),
    constraints: (constraints?.records ?? []).map(target),
  };
}

export const schemaOperations = (deps: ServiceDeps) =>
  ({
    getSchema: () => readSchema(deps),
  }) satisfies Partial<Handlers>;
