/**
 * GraphML writer. graphology-graphml only parses, so this writes the document itself: one
 * <key> per attribute name and domain with a type inferred from its values, then the nodes and
 * edges, every text escaped.
 */
import {
  attributeNames,
  type ExportGraph,
  type FlatAttributes,
  type Primitive,
} from './export-graph';

type GraphmlType = 'boolean' | 'long' | 'double' | 'string';

export const escapeXml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    // Characters XML 1.0 cannot hold at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

function typeOf(values: readonly Primitive[]): GraphmlType {
  if (values.length > 0 && values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.length > 0 && values.every((v) => typeof v === 'number')) {
    return values.every((v) => Number.isSafeInteger(v)) ? 'long' : 'double';
  }
  return 'string';
}

type Key = { id: string; name: string; type: GraphmlType };

function keysFor(graph: ExportGraph, kind: 'node' | 'edge', prefix: string): Key[] {
  const all: FlatAttributes[] =
    kind === 'node' ? graph.mapNodes((_k, a) => a) : graph.mapEdges((_k, a) => a);
  return attributeNames(graph, kind).map((name, i) => ({
    id: `${prefix}${i}`,
    name,
    type: typeOf(all.flatMap((a) => (a[name] === undefined ? [] : [a[name]]))),
  }));
}

function dataLines(attrs: FlatAttributes, keys: readonly Key[], indent: string): string[] {
  const lines: string[] = [];
  for (const key of keys) {
    const value = attrs[key.name];
    if (value === undefined) continue;
    lines.push(`${indent}<data key="${key.id}">${escapeXml(String(value))}</data>`);
  }
  return lines;
}

export function graphGraphml(graph: ExportGraph): string {
  const nodeKeys = keysFor(graph, 'node', 'n');
  const edgeKeys = keysFor(graph, 'edge', 'e');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [domain, keys] of [
    ['node', nodeKeys],
    ['edge', edgeKeys],
  ] as const) {
    for (const k of keys) {
      out.push(
        `  <key id="${k.id}" for="${domain}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>`,
      );
    }
  }
  out.push('  <graph id="G" edgedefault="directed">');
  graph.forEachNode((key, attrs) => {
    out.push(`    <node id="${escapeXml(key)}">`, ...dataLines(attrs, nodeKeys, '      '));
    out.push('    </node>');
  });
  graph.forEachEdge((key, attrs, source, target) => {
    out.push(
      `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`,
      ...dataLines(attrs, edgeKeys, '      '),
      '    </edge>',
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
