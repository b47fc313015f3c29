/**
 * The live schema for autocomplete: labels, relationship types and property keys read from the
 * database through the same read-only query path, shaped for the Cypher editor; and the queries
 * the schema panel puts in the editor.
 */
import type { QueryResponse } from '@shared/api';
import type { Client } from '@shared/contract';

export type CypherSchema = {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: string[];
};

const SCHEMA_QUERY = `CALL db.labels() YIELD label RETURN 'label' AS kind, label AS name
UNION ALL CALL db.relationshipTypes() YIELD relationshipType RETURN 'type' AS kind, relationshipType AS name
UNION ALL CALL db.propertyKeys() YIELD propertyKey RETURN 'property' AS kind, propertyKey AS name`;

export function schemaFromRows(rows: QueryResponse['rows']): Omit<CypherSchema, 'parameters'> {
  const pick = (kind: string): string[] =>
    rows
      .flatMap((r) => (r.kind === kind && typeof r.name === 'string' ? [r.name] : []))
      .sort((a, b) => a.localeCompare(b));
  // The editor completes labels and types with their leading colon.
  return {
    labels: pick('label').map((l) => `:${l}`),
    relationshipTypes: pick('type').map((t) => `:${t}`),
    propertyKeys: pick('property'),
  };
}

export async function loadSchema(client: Client): Promise<Omit<CypherSchema, 'parameters'>> {
  const result = await client.runQuery({ query: SCHEMA_QUERY, read_only: true, limit: 5_000 });
  return schemaFromRows(result.rows);
}

/** A name as a Cypher identifier: in backticks, a backtick doubled. */
const quoted = (name: string): string => `\`${name.replaceAll('`', '``')}\``;

/** The query a click on a label or a relationship type puts in the editor. */
export const labelQuery = (label: string): string =>
  `MATCH (n:${quoted(label)})\nRETURN n LIMIT 25`;
export const typeQuery = (type: string): string =>
  `MATCH p = ()-[r:${quoted(type)}]->()\nRETURN p LIMIT 25`;
