/** What the import tests share: a region's graph as the app's exporters write it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver, Node, Relationship } from 'neo4j-driver';
import { toGraphData } from '../../../src/main/db/mapping';
import { coverageRows } from '../../../src/renderer/src/features/export/coverage';
import {
  coverageCsv,
  coverageXlsx,
} from '../../../src/renderer/src/features/export/coverage-files';
import { buildExportGraph } from '../../../src/renderer/src/features/export/export-graph';
import { edgesCsv, nodesCsv } from '../../../src/renderer/src/features/export/graph-csv';
import type { GraphData } from '../../../src/shared/api';
import { testDatabase } from '../../support/db';

export async function regionGraph(driver: Driver, regions: string[]): Promise<GraphData> {
  const database = testDatabase().database;
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE n.region IN $regions RETURN n',
    { regions },
    { database },
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) WHERE a.region IN $regions AND b.region IN $regions RETURN r',
    { regions },
    { database },
  );
  return toGraphData(
    nodes.records.map((r) => r.get('n') as Node),
    rels.records.map((r) => r.get('r') as Relationship),
  );
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'sn-import-'));

export type ExportedFiles = {
  nodes: string;
  edges: string;
  coverageCsv: string;
  coverageXlsx: string;
};

/** Writes the graph and coverage exports of the data, exactly as the app's export menu does. */
export async function exportFiles(dir: string, data: GraphData): Promise<ExportedFiles> {
  const graph = buildExportGraph(data);
  const files = {
    nodes: join(dir, 'nodes.csv'),
    edges: join(dir, 'edges.csv'),
    coverageCsv: join(dir, 'coverage.csv'),
    coverageXlsx: join(dir, 'coverage.xlsx'),
  };
  writeFileSync(files.nodes, nodesCsv(graph));
  writeFileSync(files.edges, edgesCsv(graph));
  const rows = coverageRows(data);
  writeFileSync(files.coverageCsv, coverageCsv(rows));
  writeFileSync(files.coverageXlsx, await coverageXlsx(rows));
  return files;
}

export const fileOf = (path: string) => ({ path, name: path.split('/').pop()! });
