/**
 * Rows of a custom query as JSON, and the graph the rows hold. Relationships returned without
 * their end nodes (e.g. `RETURN r`) get those nodes read by element id, so the graph is whole.
 */
import type { Node, Record as Neo4jRecord, Session } from 'neo4j-driver';
import type { GraphData, JsonValue } from '../../../shared/api';
import { collectGraphElements, toGraphData, toJson } from '../../db/mapping';
import { nodesOf } from '../graph/read';

export function rowsOf(records: Neo4jRecord[]): Record<string, JsonValue>[] {
  return records.map((record) => {
    const row: Record<string, JsonValue> = {};
    for (const key of record.keys) row[String(key)] = toJson(record.get(key));
    return row;
  });
}

const MISSING_ENDS_QUERY = 'MATCH (n) WHERE elementId(n) IN $ids RETURN collect(n) AS nodes';

export async function graphOf(records: Neo4jRecord[], session: Session): Promise<GraphData | null> {
  const elements = collectGraphElements(records.flatMap((record) => [...record.values()]));
  if (elements.nodes.size === 0 && elements.relationships.size === 0) return null;
  const missing = new Set<string>();
  for (const rel of elements.relationships.values())
    for (const end of [rel.startNodeElementId, rel.endNodeElementId])
      if (!elements.nodes.has(end)) missing.add(end);
  let ends: Node[] = [];
  if (missing.size > 0) {
    const result = await session.executeRead((tx) =>
      tx.run(MISSING_ENDS_QUERY, { ids: [...missing] }),
    );
    ends = nodesOf(result.records[0]?.get('nodes'));
  }
  return toGraphData([...elements.nodes.values(), ...ends], elements.relationships.values());
}
