/** The audit entry of a committed import: its files, rows, changes and statements. */
import type { ImportFileReport } from '../../../shared/import';
import { statementsText } from '../../../shared/audit';
import type { AuditRecord } from '../audit';
import type { BatchWriter } from './write';

export function importAudit(
  files: readonly ImportFileReport[],
  rows: number,
  writer: BatchWriter,
): AuditRecord {
  const { nodes, relationships } = writer;
  return {
    action: 'import',
    summary: `Imported ${rows} rows from ${files.map((f) => f.file).join(', ')}`,
    counts: {
      rows,
      nodes_created: nodes.created,
      nodes_updated: nodes.updated,
      relationships_created: relationships.created,
      relationships_updated: relationships.updated,
    },
    cypher: statementsText(writer.statements()),
  };
}
