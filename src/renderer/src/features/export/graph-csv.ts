/** The graph as two CSV tables: nodes (key first) and edges (key, source, target first). */
import { toCsv } from '@shared/csv';
import { attributeNames, type ExportGraph, type FlatAttributes } from './export-graph';

export function nodesCsv(graph: ExportGraph): string {
  const columns = ['key', ...attributeNames(graph, 'node').filter((n) => n !== 'key')];
  const rows: FlatAttributes[] = graph.mapNodes((key, attrs) => ({ ...attrs, key }));
  return toCsv(columns, rows);
}

export function edgesCsv(graph: ExportGraph): string {
  const fixed = ['key', 'source', 'target'];
  const columns = [...fixed, ...attributeNames(graph, 'edge').filter((n) => !fixed.includes(n))];
  const rows: FlatAttributes[] = graph.mapEdges((key, attrs, source, target) => ({
    ...attrs,
    key,
    source,
    target,
  }));
  return toCsv(columns, rows);
}
