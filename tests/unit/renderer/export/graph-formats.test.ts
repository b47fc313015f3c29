import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { buildExportGraph } from '../../../../src/renderer/src/features/export/export-graph';
import { edgesCsv, nodesCsv } from '../../../../src/renderer/src/features/export/graph-csv';
import { graphGexf, graphJson } from '../../../../src/renderer/src/features/export/graph-files';
import { graphGraphml } from '../../../../src/renderer/src/features/export/graphml';
import { sampleGraph } from './fixture';

const view = new Graph();
view.addNode('CONSULTANT:NAI-C-0001', { x: 1.5, y: -2, size: 9, color: '#4263eb' });

const exported = () => buildExportGraph(sampleGraph, view);

describe('the export graph', () => {
  it('holds every node, and only relationships whose ends are both present', () => {
    const g = exported();
    expect(g.order).toBe(5);
    expect(g.size).toBe(5);
    expect(g.hasEdge('dangling')).toBe(false);
  });

  it('flattens properties to primitives and takes position and colour from the view', () => {
    const a = exported().getNodeAttributes('CONSULTANT:NAI-C-0001');
    expect(a).toMatchObject({
      id: 'NAI-C-0001',
      label: 'Ada "The Closer" Lovelace',
      node_type: 'CONSULTANT',
      region: 'NAI',
      performance: 91,
      tags: '["a","b"]',
      x: 1.5,
      y: -2,
      size: 9,
      color: '#4263eb',
    });
  });

  it('keeps a property whose name the exporter uses under a prefixed name', () => {
    const a = exported().getNodeAttributes('COMPANY:NAI-CO-0001');
    expect(a.label).toBe('=Acme Pension, Fund');
    expect(a.prop_label).toBe('clash');
  });
});

describe('graph files', () => {
  it('GEXF parses back with graphology to the same nodes, edges and attributes', () => {
    const back = parseGexf(Graph, graphGexf(exported()));
    expect(back.order).toBe(5);
    expect(back.size).toBe(5);
    expect(back.getNodeAttribute('FIELD_CONSULTANT:NAI-FC-0001', 'label')).toBe(
      'Grace <Hopper> & Co',
    );
    expect(back.getNodeAttribute('CONSULTANT:NAI-C-0001', 'performance')).toBe(91);
    expect(back.getNodeAttribute('CONSULTANT:NAI-C-0001', 'x')).toBe(1.5);
    const owns = back.findEdge((_k, a) => a.mandate_status === 'At Risk');
    expect(owns && back.source(owns)).toBe('COMPANY:NAI-CO-0001');
  });

  it('GraphML parses back with graphology, typed values included', () => {
    const back = parseGraphml(Graph, graphGraphml(exported()));
    expect(back.order).toBe(5);
    expect(back.size).toBe(5);
    expect(back.type).toBe('directed');
    const fc = back.getNodeAttributes('FIELD_CONSULTANT:NAI-FC-0001');
    expect(fc.label).toBe('Grace <Hopper> & Co');
    expect(fc.fc_total_plan_assets).toBe(1234567.5);
    expect(back.getEdgeAttributes('r4').multi_mandate_manager).toBe(true);
    expect(back.getEdgeAttributes('r3').value).toBe(2500000);
    expect(back.source('r2')).toBe('FIELD_CONSULTANT:NAI-FC-0001');
  });

  it('GraphML of an empty graph is still a valid document', () => {
    const back = parseGraphml(
      Graph,
      graphGraphml(buildExportGraph({ nodes: [], relationships: [] })),
    );
    expect(back.order).toBe(0);
  });

  it('JSON is graphology serialisation and imports back', () => {
    const back = Graph.from(JSON.parse(graphJson(exported())) as ReturnType<Graph['export']>);
    expect(back.order).toBe(5);
    expect(back.getEdgeAttribute('r2', 'level_of_influence')).toBe(4);
  });

  it('CSV has a node table keyed by node and an edge table with both ends', () => {
    const nodes = nodesCsv(exported()).trimEnd().split('\r\n');
    expect(nodes).toHaveLength(6);
    expect(nodes[0]?.startsWith('key,')).toBe(true);
    expect(nodes.some((l) => l.includes('"\'=Acme Pension, Fund"'))).toBe(true);
    const edges = edgesCsv(exported()).trimEnd().split('\r\n');
    expect(edges).toHaveLength(6);
    expect(edges[0]?.startsWith('key,source,target,')).toBe(true);
    expect(edges.find((l) => l.startsWith('r3,'))).toContain('COMPANY:NAI-CO-0001,PRODUCT:P-0001');
  });
});
