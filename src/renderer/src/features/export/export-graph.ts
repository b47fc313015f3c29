/**
 * The graph every file format is written from: one graphology graph whose attributes are flat
 * primitives (what GEXF, GraphML and CSV can hold), built from the data in view plus the
 * position, size and colour each node has on screen.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import type { GraphData, JsonValue } from '@shared/api';
import { GRAPH_EXPORT_ATTRIBUTES, GRAPH_EXPORT_PROPERTY_PREFIX } from '@shared/export-columns';

export type Primitive = string | number | boolean;
export type FlatAttributes = Record<string, Primitive>;
export type ExportGraph = Graph<FlatAttributes, FlatAttributes>;

/** Where drawn nodes are: usually the sigma graph, whose node attributes hold x, y, size, color. */
export type ViewSource = {
  hasNode(key: string): boolean;
  getNodeAttributes(key: string): Attributes;
};

/** Attribute names the exporters set themselves; properties with these names are prefixed. */
const RESERVED = new Set<string>(GRAPH_EXPORT_ATTRIBUTES);

function flatValue(value: JsonValue): Primitive | undefined {
  if (value === null) return undefined;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

function flatProperties(properties: Record<string, JsonValue>): FlatAttributes {
  const out: FlatAttributes = {};
  for (const [name, value] of Object.entries(properties)) {
    const flat = flatValue(value);
    if (flat !== undefined)
      out[RESERVED.has(name) ? `${GRAPH_EXPORT_PROPERTY_PREFIX}${name}` : name] = flat;
  }
  return out;
}

function visual(view: ViewSource | undefined, key: string): FlatAttributes {
  if (!view?.hasNode(key)) return {};
  const attrs = view.getNodeAttributes(key);
  const out: FlatAttributes = {};
  for (const name of ['x', 'y', 'size'] as const) {
    const v: unknown = attrs[name];
    if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
  }
  const color: unknown = attrs.color;
  if (typeof color === 'string') out.color = color;
  return out;
}

export function buildExportGraph(data: GraphData, view?: ViewSource): ExportGraph {
  const graph: ExportGraph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  for (const node of data.nodes) {
    if (graph.hasNode(node.key)) continue;
    graph.addNode(node.key, {
      ...flatProperties(node.properties),
      id: node.id,
      label: node.name,
      node_type: node.label,
      ...(node.region === null ? {} : { region: node.region }),
      ...visual(view, node.key),
    });
  }
  for (const rel of data.relationships) {
    if (graph.hasEdge(rel.key) || !graph.hasNode(rel.source) || !graph.hasNode(rel.target)) {
      continue;
    }
    graph.addDirectedEdgeWithKey(rel.key, rel.source, rel.target, {
      ...flatProperties(rel.properties),
      rel_type: rel.type,
      label: rel.type,
    });
  }
  return graph;
}

/** Every attribute name used by nodes (or edges), first-seen order, for tables and key lists. */
export function attributeNames(graph: ExportGraph, kind: 'node' | 'edge'): string[] {
  const names = new Set<string>();
  const add = (_key: string, attrs: FlatAttributes): void => {
    for (const name of Object.keys(attrs)) names.add(name);
  };
  if (kind === 'node') graph.forEachNode(add);
  else graph.forEachEdge(add);
  return [...names];
}
