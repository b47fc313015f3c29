/**
 * The GEXF export read by networkx (the hardening suite's Python environment, which `.ci/run`
 * creates from scripts/hardening/python/requirements.txt): every node, edge, attribute and
 * colour comes back.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Graph from 'graphology';
import { afterAll, describe, expect, it } from 'vitest';
import { venvProgram } from '../../../../scripts/hardening/lib/python';
import { buildExportGraph } from '../../../../src/renderer/src/features/export/export-graph';
import { graphGexf, rgbColor } from '../../../../src/renderer/src/features/export/graph-files';
import { sampleGraph } from './fixture';

const READ = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
print(json.dumps({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "directed": g.is_directed(),
    "attributes": {n: d for n, d in g.nodes(data=True)},
    "edge_types": sorted(d.get("rel_type") for _, _, d in g.edges(data=True)),
}, default=str))
`;

const folder = mkdtempSync(join(tmpdir(), 'sn-gexf-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('GEXF export', () => {
  it('writes colours as r, g, b', () => {
    expect(rgbColor('#4263eb')).toBe('rgb(66,99,235)');
    expect(rgbColor('#fff')).toBe('rgb(255,255,255)');
    expect(rgbColor('#00000080')).toBe('rgba(0,0,0,0.502)');
    expect(rgbColor('rgb(1,2,3)')).toBe('rgb(1,2,3)');
    const view = new Graph();
    view.addNode('CONSULTANT:NAI-C-0001', { x: 1.5, y: -2, size: 9, color: '#4263eb' });
    const gexf = graphGexf(buildExportGraph(sampleGraph, view));
    expect(gexf).toMatch(/<viz:color r="66" g="99" b="235"\s*\/>/);
    expect(gexf).not.toContain('hex=');
  });

  it('is read by networkx with every node, edge, attribute and colour', async () => {
    const view = new Graph();
    for (const [i, node] of sampleGraph.nodes.entries())
      view.addNode(node.key, { x: i + 1.5, y: -(i + 2), size: 5 + i, color: '#4263eb' });
    const file = join(folder, 'view.gexf');
    writeFileSync(file, graphGexf(buildExportGraph(sampleGraph, view)));
    const { stdout } = await promisify(execFile)(venvProgram('python'), ['-c', READ, file]);
    const read = JSON.parse(stdout) as {
      nodes: number;
      edges: number;
      directed: boolean;
      attributes: Record<string, Record<string, unknown>>;
      edge_types: string[];
    };
    expect(read.nodes).toBe(sampleGraph.nodes.length);
    expect(read.edges).toBe(5);
    expect(read.directed).toBe(true);
    const consultant = read.attributes['CONSULTANT:NAI-C-0001'];
    expect(consultant).toMatchObject({ label: 'Ada "The Closer" Lovelace', performance: 91 });
    expect(consultant?.viz).toMatchObject({
      color: { r: 66, g: 99, b: 235 },
      position: { x: 1.5, y: -2 },
      size: 5,
    });
    expect(read.attributes['FIELD_CONSULTANT:NAI-FC-0001']?.label).toBe('Grace <Hopper> & Co');
    expect(read.edge_types).toContain('OWNS');
  });
});
