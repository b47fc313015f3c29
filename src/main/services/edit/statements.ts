/**
 * The statements of every edit, each built by one function that both the edit and its preview
 * use. Values travel only as parameters; labels, types and property names come from the domain
 * model. Each change checks the version it was asked for and increments it in the same
 * statement: a stale version matches no row, and nothing is written.
 */
import neo4j, { isDate, isInt } from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../../../shared/domain';
import { VERSION_PROPERTY as V } from '../../../shared/edit';

export type Statement = { cypher: string; parameters: Record<string, unknown> };

const int = (value: number) => neo4j.int(value);

/** A new node: no row when a node of the label already has the id. */
export function createNodeStatement(
  label: NodeLabel,
  properties: Record<string, unknown>,
  version = 0,
): Statement {
  return {
    cypher:
      `OPTIONAL MATCH (existing:${label} {id: $id})\n` +
      `WITH existing WHERE existing IS NULL\n` +
      `CREATE (n:${label})\n` +
      `SET n = $properties, n.${V} = $version\n` +
      `RETURN n`,
    parameters: { id: properties.id, properties, version: int(version) },
  };
}

/** Sets properties (null removes one); returns the node and its properties before. */
export function updateNodeStatement(
  label: NodeLabel,
  id: string,
  version: number,
  properties: Record<string, unknown>,
): Statement {
  return {
    cypher:
      `MATCH (n:${label} {id: $id}) WHERE coalesce(n.${V}, 0) = $version\n` +
      `WITH n, properties(n) AS before\n` +
      `SET n += $properties, n.${V} = $version + 1\n` +
      `RETURN n, before`,
    parameters: { id, version: int(version), properties },
  };
}

/**
 * DETACH DELETE at the version asked for; returns the node's labels and properties and its
 * relationships (type, direction, properties, the other end's labels and id) for an undo.
 */
export function deleteNodeStatement(label: NodeLabel, id: string, version: number): Statement {
  return {
    cypher:
      `MATCH (n:${label} {id: $id}) WHERE coalesce(n.${V}, 0) = $version\n` +
      `OPTIONAL MATCH (n)-[r]-(m)\n` +
      `WITH n, properties(n) AS properties, collect(CASE WHEN r IS NULL THEN null ELSE ` +
      `{type: type(r), outgoing: startNode(r) = n, properties: properties(r), labels: labels(m), id: m.id} END) AS relationships\n` +
      `DETACH DELETE n\n` +
      `RETURN properties, relationships`,
    parameters: { id, version: int(version) },
  };
}

/** The relationship count that deleting a node would remove (for a preview). */
export function nodeDegreeStatement(label: NodeLabel, id: string): Statement {
  return {
    cypher: `MATCH (n:${label} {id: $id}) RETURN COUNT { (n)--() } AS degree`,
    parameters: { id },
  };
}

/** A node as it is now (for a conflict or a missing node). */
export function currentNodeStatement(label: NodeLabel, id: string): Statement {
  return { cypher: `MATCH (n:${label} {id: $id}) RETURN n`, parameters: { id } };
}

/**
 * A relationship between two existing nodes: no row when an end is missing or the two are
 * already joined by one of the type (relationships are unique per type and ends, as imports
 * merge them).
 */
export function createRelationshipStatement(
  type: RelationshipType,
  from: { label: NodeLabel; id: string },
  to: { label: NodeLabel; id: string },
  properties: Record<string, unknown>,
  version = 0,
): Statement {
  return {
    cypher:
      `MATCH (a:${from.label} {id: $source}) MATCH (b:${to.label} {id: $target})\n` +
      `WHERE NOT EXISTS { (a)-[:${type}]->(b) }\n` +
      `CREATE (a)-[r:${type}]->(b)\n` +
      `SET r = $properties, r.${V} = $version\n` +
      `RETURN a, r, b`,
    parameters: { source: from.id, target: to.id, properties, version: int(version) },
  };
}

export type SetItem = { key: string; version: number; properties: Record<string, unknown> };

/**
 * Sets properties on relationships of a type, each at the version it was read: all of them or,
 * when any is missing or stale (or its end is not one of `toLabels`), none (no row). One item is
 * a single update; many are a bulk update. Returns each one and its properties before.
 */
export function setRelationshipsStatement(
  type: RelationshipType,
  items: readonly SetItem[],
  toLabels: readonly NodeLabel[] | null,
): Statement {
  const ends = toLabels ? ` AND any(l IN labels(b) WHERE l IN $to_labels)` : '';
  return {
    cypher:
      `UNWIND $items AS item\n` +
      `OPTIONAL MATCH (a)-[r:${type}]->(b) WHERE elementId(r) = item.key AND coalesce(r.${V}, 0) = item.version${ends}\n` +
      `WITH collect({a: a, r: r, b: b, item: item}) AS rows\n` +
      `WHERE size(rows) > 0 AND all(row IN rows WHERE row.r IS NOT NULL)\n` +
      `UNWIND rows AS row\n` +
      `WITH row.a AS a, row.r AS r, row.b AS b, row.item AS item, properties(row.r) AS before\n` +
      `SET r += item.properties, r.${V} = item.version + 1\n` +
      `RETURN a, r, b, before`,
    parameters: {
      items: items.map((item) => ({ ...item, version: int(item.version) })),
      ...(toLabels ? { to_labels: [...toLabels] } : {}),
    },
  };
}

/** Deletes one relationship at its version; returns its ends and properties for an undo. */
export function deleteRelationshipStatement(
  type: RelationshipType,
  key: string,
  version: number,
): Statement {
  return {
    cypher:
      `MATCH (a)-[r:${type}]->(b) WHERE elementId(r) = $key AND coalesce(r.${V}, 0) = $version\n` +
      `WITH a, b, r, properties(r) AS properties\n` +
      `DELETE r\n` +
      `RETURN a, b, properties`,
    parameters: { key, version: int(version) },
  };
}

/** Relationships as they are now, with their ends (for a conflict, a missing one, details). */
export function currentRelationshipsStatement(keys: readonly string[]): Statement {
  return {
    cypher:
      `UNWIND $keys AS key\n` +
      `MATCH (a)-[r]->(b) WHERE elementId(r) = key\n` +
      `RETURN key, a, r, b`,
    parameters: { keys: [...keys] },
  };
}

export type RestoredRelationship = {
  type: RelationshipType;
  outgoing: boolean;
  other: NodeLabel;
  /** One per relationship: the other end's id and the relationship's properties. */
  rows: { id: string; properties: Record<string, unknown> }[];
};

/** Relationships of a restored node, of one type, direction and other-end label. */
export function restoreRelationshipsStatement(
  label: NodeLabel,
  id: string,
  group: RestoredRelationship,
): Statement {
  const pattern = group.outgoing ? `(n)-[r:${group.type}]->(m)` : `(m)-[r:${group.type}]->(n)`;
  return {
    cypher:
      `MATCH (n:${label} {id: $id})\n` +
      `UNWIND $rows AS row\n` +
      `MATCH (m:${group.other} {id: row.id})\n` +
      `CREATE ${pattern}\n` +
      `SET r = row.properties\n` +
      `RETURN count(r) AS restored`,
    parameters: { id, rows: group.rows },
  };
}

const SUMMARY_TEXT = 60;

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string')
    return JSON.stringify(value.length > SUMMARY_TEXT ? `${value.slice(0, SUMMARY_TEXT)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isInt(value) || isDate(value)) return value.toString();
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return `{${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}}`;
  }
  return typeof value;
}

/** What each parameter holds, in short: short values as they are, lists and maps by size. */
export function parametersSummary(parameters: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(parameters).map(([key, v]) => [key, describe(v)]));
}
