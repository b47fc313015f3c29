/**
 * Batched deletes that scale to millions of nodes within the database's memory settings:
 * relationships first (so a node of very high degree never has to go in one transaction), then
 * nodes, each with CALL { … } IN TRANSACTIONS in an auto-commit session. The node patterns are
 * built from the domain's labels and fixed predicates only; values are parameters.
 */
import type { Driver } from 'neo4j-driver';
import { AUDIT_LABEL } from '../../../shared/audit';
import { NODE_LABELS, type NodeLabel } from '../../../shared/domain';

export type DeleteCounts = { nodes: number; relationships: number };

const RELATIONSHIP_BATCH = 10_000;
const NODE_BATCH = 5_000;

/** A node pattern binding `n`, with the parameters it needs. */
export type NodeSelection = { match: string; params: Record<string, unknown> };

const generationSelection = (label: NodeLabel, generationId: string): NodeSelection => ({
  match: `MATCH (n:${label} {generation_id: $generation})`,
  params: { generation: generationId },
});

/** Nodes of the regions, optionally sparing one generation (a replacing run's new data). */
export const regionSelection = (
  label: NodeLabel,
  regions: string[],
  spare?: string,
): NodeSelection => ({
  match:
    `MATCH (n:${label}) WHERE n.region IN $regions` +
    (spare === undefined ? '' : ' AND coalesce(n.generation_id, "") <> $spare'),
  params: { regions, ...(spare === undefined ? {} : { spare }) },
});

/** Every node but the audit log, which clearing the data keeps. */
export const everything: NodeSelection = {
  match: `MATCH (n) WHERE NOT n:${AUDIT_LABEL}`,
  params: {},
};

/** The two statements that delete a selection: its relationships, then its nodes. */
export function deleteStatements(selection: NodeSelection): [string, string] {
  return [
    `${selection.match} MATCH (n)-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF ${RELATIONSHIP_BATCH} ROWS`,
    // DETACH catches relationships that arrive from nodes outside the selection.
    `${selection.match} CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF ${NODE_BATCH} ROWS`,
  ];
}

export async function deleteSelection(
  driver: Driver,
  database: string,
  selection: NodeSelection,
): Promise<DeleteCounts> {
  const session = driver.session({ database, defaultAccessMode: 'WRITE' });
  const [relationships, nodes] = deleteStatements(selection);
  try {
    const r = (await session.run(relationships, selection.params)).summary.counters.updates();
    const n = (await session.run(nodes, selection.params)).summary.counters.updates();
    return {
      nodes: n.nodesDeleted,
      relationships: r.relationshipsDeleted + n.relationshipsDeleted,
    };
  } finally {
    await session.close();
  }
}

export async function deleteForLabels(
  driver: Driver,
  database: string,
  select: (label: NodeLabel) => NodeSelection,
): Promise<DeleteCounts> {
  const total: DeleteCounts = { nodes: 0, relationships: 0 };
  for (const label of NODE_LABELS) {
    const counts = await deleteSelection(driver, database, select(label));
    total.nodes += counts.nodes;
    total.relationships += counts.relationships;
  }
  return total;
}

/** Removes everything one generation run wrote. */
export const deleteGeneration = (
  driver: Driver,
  database: string,
  generationId: string,
): Promise<DeleteCounts> =>
  deleteForLabels(driver, database, (label) => generationSelection(label, generationId));
