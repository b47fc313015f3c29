/** The graph as JSON (graphology's serialisation format) and GEXF 1.3 (Gephi's format). */
import { write as writeGexf } from 'graphology-gexf';
import type { ExportGraph } from './export-graph';

export function graphJson(graph: ExportGraph): string {
  return `${JSON.stringify(graph.export(), null, 2)}\n`;
}

export function graphGexf(graph: ExportGraph): string {
  return writeGexf(graph, { version: '1.3', pretty: true });
}
