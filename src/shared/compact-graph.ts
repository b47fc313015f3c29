/**
 * The compact view format: a graph response carrying only what the network view draws, in
 * columns. Nodes travel as their label, id, name and region plus the few properties that size,
 * colour, group or cluster them; relationships as their key, type, ends (indices of nodes) and
 * the properties that colour and widen them. Labels, types, regions and string values travel once
 * each, in string tables. Node keys are `LABEL:id` and are not sent.
 *
 * Two shapes of the same format: one JSON document (`format=compact`), and a stream of NDJSON
 * lines (`format=ndjson`): a header with the totals and string tables, node chunks, relationship
 * chunks, and an end line with the counts, so a client draws the first chunks before the last
 * byte arrives. `encodeCompactGraph`/`compactStreamLines` write them on the server;
 * `decodeCompactGraph`/`createCompactStreamDecoder` read them back into `GraphResponse` values
 * whose properties hold only the carried ones (details and exports fetch the full ones).
 */
import { z } from 'zod';
import {
  GraphTotals,
  nodeKey,
  type GraphData,
  type GraphNode,
  type GraphRelationship,
  type GraphResponse,
  type JsonValue,
} from './api';
import { GraphMode, NodeLabel, RelationshipType } from './domain';

const COMPACT_FORMAT = 'smart-network.compact/1';
/** Media type of the one-document shape (JSON). */
export const COMPACT_MEDIA_TYPE = 'application/vnd.smart-network.compact+json';
/** Media type of the streamed shape. */
export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';
/** The `format` query parameter of the view endpoints: full JSON (default), compact, streamed. */
export const VIEW_FORMATS = ['json', 'compact', 'ndjson'] as const;
export const ViewFormat = z.enum(VIEW_FORMATS);
export type ViewFormat = z.infer<typeof ViewFormat>;

/** Node properties the view reads: size metrics, and the values rules and groupings use most. */
export const VIEW_NODE_PROPERTIES = [
  'performance',
  'influence',
  'aum',
  'fc_total_plan_assets',
  'universe_score',
  'sales_region',
  'channel',
  'asset_class',
] as const;
/** Relationship properties the view reads: edge colour (mandate status) and width (influence). */
export const VIEW_RELATIONSHIP_PROPERTIES = ['mandate_status', 'level_of_influence'] as const;

/** Nodes (or relationships) per chunk of the stream. */
const DEFAULT_CHUNK_SIZE = 2000;

const Index = z.number().int().min(0);

/**
 * One property over a run of items, sparse: `i` lists the items (indices into the whole graph's
 * nodes or relationships, ascending) that have it, `v` their values. Numbers, strings (indices
 * into `strings`) and booleans each have their own pair; other values are not carried.
 */
const Sparse = <T extends z.ZodType>(value: T) =>
  z.object({ i: z.array(Index), v: z.array(value) });
const PropertyColumn = z.object({
  n: Sparse(z.number()).optional(),
  s: Sparse(Index).optional(),
  b: Sparse(z.boolean()).optional(),
});
type PropertyColumn = z.infer<typeof PropertyColumn>;

const CompactNodes = z.object({
  /** Index of the first node of this run in the whole graph. */
  offset: Index,
  /** Index into `labels`. */
  label: z.array(Index),
  id: z.array(z.string()),
  name: z.array(z.string()),
  /** Index into `regions`; -1 for none. */
  region: z.array(z.number().int().min(-1)),
  properties: z.record(z.string(), PropertyColumn),
});
type CompactNodes = z.infer<typeof CompactNodes>;

const CompactRelationships = z.object({
  offset: Index,
  /** Element ids split at their last colon: the part before it (index into `strings`)… */
  key_prefix: z.array(Index),
  /** …and after it (a number when it is a plain integer). */
  key: z.array(z.union([z.number().int().min(0), z.string()])),
  /** Index into `types`. */
  type: z.array(Index),
  /** Ends: index of a node of the graph, or the node key when it is not among them. */
  source: z.array(z.union([Index, z.string()])),
  target: z.array(z.union([Index, z.string()])),
  properties: z.record(z.string(), PropertyColumn),
});
type CompactRelationships = z.infer<typeof CompactRelationships>;

const CompactHeader = z.object({
  format: z.literal(COMPACT_FORMAT),
  /** Null only for a truncated view asked with `totals: none`. */
  totals: GraphTotals.nullable(),
  truncated: z.boolean(),
  limit: z.number().int(),
  mode: GraphMode,
  /** Nodes and relationships that follow. */
  counts: z.object({ nodes: Index, relationships: Index }),
  labels: z.array(NodeLabel),
  types: z.array(RelationshipType),
  regions: z.array(z.string()),
  strings: z.array(z.string()),
});
type CompactHeader = z.infer<typeof CompactHeader>;

/** The one-document shape (`format=compact`). */
export const CompactGraph = CompactHeader.extend({
  nodes: CompactNodes,
  relationships: CompactRelationships,
});
export type CompactGraph = z.infer<typeof CompactGraph>;

/** One line of the streamed shape (`format=ndjson`). */
export const CompactLine = z.discriminatedUnion('kind', [
  CompactHeader.extend({ kind: z.literal('header') }),
  z.object({ kind: z.literal('nodes'), nodes: CompactNodes }),
  z.object({ kind: z.literal('relationships'), relationships: CompactRelationships }),
  z.object({ kind: z.literal('end'), nodes: Index, relationships: Index }),
]);
type CompactLine = z.infer<typeof CompactLine>;

// ---------------------------------------------------------------------------------------------
// Encoding (server)
// ---------------------------------------------------------------------------------------------

/** Values to their index in a table, in order of first use. */
function table(): { index: (value: string) => number; values: string[] } {
  const values: string[] = [];
  const seen = new Map<string, number>();
  return {
    values,
    index: (value) => {
      let i = seen.get(value);
      if (i === undefined) {
        i = values.length;
        values.push(value);
        seen.set(value, i);
      }
      return i;
    },
  };
}

type Columns = Record<string, PropertyColumn>;

function addValue(
  columns: Columns,
  name: string,
  index: number,
  value: JsonValue | undefined,
  strings: (s: string) => number,
): void {
  if (value === undefined || value === null) return;
  const column = (columns[name] ??= {});
  if (typeof value === 'number') {
    const c = (column.n ??= { i: [], v: [] });
    c.i.push(index);
    c.v.push(value);
  } else if (typeof value === 'string') {
    const c = (column.s ??= { i: [], v: [] });
    c.i.push(index);
    c.v.push(strings(value));
  } else if (typeof value === 'boolean') {
    const c = (column.b ??= { i: [], v: [] });
    c.i.push(index);
    c.v.push(value);
  }
}

const PLAIN_INTEGER = /^(0|[1-9]\d{0,14})$/;

function splitKey(key: string): [string, number | string] {
  const at = key.lastIndexOf(':');
  const prefix = at < 0 ? '' : key.slice(0, at + 1);
  const rest = at < 0 ? key : key.slice(at + 1);
  return [prefix, PLAIN_INTEGER.test(rest) ? Number(rest) : rest];
}

/** The compact document of a graph response (only nodes whose key is `LABEL:id` are valid). */
export function encodeCompactGraph(response: GraphResponse): CompactGraph {
  const labels = table();
  const types = table();
  const regions = table();
  const strings = table();
  const nodes: CompactNodes = {
    offset: 0,
    label: [],
    id: [],
    name: [],
    region: [],
    properties: {},
  };
  const position = new Map<string, number>();
  response.nodes.forEach((node, i) => {
    if (node.key !== nodeKey(node.label, node.id))
      throw new Error(`Node ${node.key} has no LABEL:id key; the compact format cannot carry it`);
    position.set(node.key, i);
    nodes.label.push(labels.index(node.label));
    nodes.id.push(node.id);
    nodes.name.push(node.name);
    nodes.region.push(node.region === null ? -1 : regions.index(node.region));
    for (const p of VIEW_NODE_PROPERTIES)
      addValue(nodes.properties, p, i, node.properties[p], strings.index);
  });
  const relationships: CompactRelationships = {
    offset: 0,
    key_prefix: [],
    key: [],
    type: [],
    source: [],
    target: [],
    properties: {},
  };
  response.relationships.forEach((rel, i) => {
    const [prefix, rest] = splitKey(rel.key);
    relationships.key_prefix.push(strings.index(prefix));
    relationships.key.push(rest);
    relationships.type.push(types.index(rel.type));
    relationships.source.push(position.get(rel.source) ?? rel.source);
    relationships.target.push(position.get(rel.target) ?? rel.target);
    for (const p of VIEW_RELATIONSHIP_PROPERTIES)
      addValue(relationships.properties, p, i, rel.properties[p], strings.index);
  });
  return {
    format: COMPACT_FORMAT,
    totals: response.totals,
    truncated: response.truncated,
    limit: response.limit,
    mode: response.mode,
    counts: { nodes: response.nodes.length, relationships: response.relationships.length },
    // The tables hold values of the response's own (parsed) nodes and relationships.
    labels: labels.values as NodeLabel[],
    types: types.values as RelationshipType[],
    regions: regions.values,
    strings: strings.values,
    nodes,
    relationships,
  };
}

/** First position in ascending `list` at or above `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sliceSparse<T>(
  c: { i: number[]; v: T[] } | undefined,
  from: number,
  to: number,
): { i: number[]; v: T[] } | undefined {
  if (!c) return undefined;
  const a = lowerBound(c.i, from);
  const b = lowerBound(c.i, to);
  return a === b ? undefined : { i: c.i.slice(a, b), v: c.v.slice(a, b) };
}

function sliceColumns(columns: Columns, from: number, to: number): Columns {
  const out: Columns = {};
  for (const [name, column] of Object.entries(columns)) {
    const sliced: PropertyColumn = {};
    const n = sliceSparse(column.n, from, to);
    const s = sliceSparse(column.s, from, to);
    const b = sliceSparse(column.b, from, to);
    if (n) sliced.n = n;
    if (s) sliced.s = s;
    if (b) sliced.b = b;
    if (n || s || b) out[name] = sliced;
  }
  return out;
}

/**
 * The streamed shape of a graph response: its NDJSON lines (each without the newline), header
 * first, then chunks of at most `chunkSize` nodes, then of relationships, then the end line.
 */
export function* compactStreamLines(
  response: GraphResponse,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Generator<string> {
  const { nodes, relationships, ...header } = encodeCompactGraph(response);
  const size = Math.max(1, chunkSize);
  yield JSON.stringify({ kind: 'header', ...header });
  for (let from = 0; from < header.counts.nodes; from += size) {
    const to = Math.min(header.counts.nodes, from + size);
    const chunk: CompactNodes = {
      offset: from,
      label: nodes.label.slice(from, to),
      id: nodes.id.slice(from, to),
      name: nodes.name.slice(from, to),
      region: nodes.region.slice(from, to),
      properties: sliceColumns(nodes.properties, from, to),
    };
    yield JSON.stringify({ kind: 'nodes', nodes: chunk });
  }
  for (let from = 0; from < header.counts.relationships; from += size) {
    const to = Math.min(header.counts.relationships, from + size);
    const chunk: CompactRelationships = {
      offset: from,
      key_prefix: relationships.key_prefix.slice(from, to),
      key: relationships.key.slice(from, to),
      type: relationships.type.slice(from, to),
      source: relationships.source.slice(from, to),
      target: relationships.target.slice(from, to),
      properties: sliceColumns(relationships.properties, from, to),
    };
    yield JSON.stringify({ kind: 'relationships', relationships: chunk });
  }
  yield JSON.stringify({
    kind: 'end',
    nodes: header.counts.nodes,
    relationships: header.counts.relationships,
  });
}

// ---------------------------------------------------------------------------------------------
// Decoding (client)
// ---------------------------------------------------------------------------------------------

const broken = (what: string): Error => new Error(`Compact graph: ${what}`);

function at<T>(list: readonly T[], index: number, what: string): T {
  const value = list[index];
  if (value === undefined) throw broken(`${what} ${index} is not in its table`);
  return value;
}

/** The carried properties of items `offset…offset+count-1`, one record per item. */
function propertiesOf(
  columns: Columns,
  offset: number,
  count: number,
  strings: readonly string[],
): Record<string, JsonValue>[] {
  const out = Array.from({ length: count }, (): Record<string, JsonValue> => ({}));
  const put = (name: string, i: number, value: JsonValue): void => {
    const record = out[i - offset];
    if (!record) throw broken(`property ${name} names item ${i} outside its chunk`);
    record[name] = value;
  };
  for (const [name, column] of Object.entries(columns)) {
    column.n?.i.forEach((i, k) => put(name, i, column.n?.v[k] ?? 0));
    column.s?.i.forEach((i, k) => put(name, i, at(strings, column.s?.v[k] ?? -1, 'string')));
    column.b?.i.forEach((i, k) => put(name, i, column.b?.v[k] ?? false));
  }
  return out;
}

function decodeNodes(header: CompactHeader, nodes: CompactNodes): GraphNode[] {
  const count = nodes.id.length;
  const { label, name, region } = nodes;
  if (label.length !== count || name.length !== count || region.length !== count)
    throw broken('node columns differ in length');
  const properties = propertiesOf(nodes.properties, nodes.offset, count, header.strings);
  return nodes.id.map((id, k) => {
    const nodeLabel = at(header.labels, label[k] ?? -1, 'label');
    const r = region[k] ?? -1;
    const nodeRegion = r < 0 ? null : at(header.regions, r, 'region');
    const nodeName = name[k] ?? '';
    const own: Record<string, JsonValue> = { id, name: nodeName };
    if (nodeRegion !== null) own.region = nodeRegion;
    return {
      key: nodeKey(nodeLabel, id),
      id,
      label: nodeLabel,
      name: nodeName,
      region: nodeRegion,
      properties: { ...own, ...properties[k] },
    };
  });
}

function decodeRelationships(
  header: CompactHeader,
  rels: CompactRelationships,
  nodeKeyAt: (index: number) => string,
): GraphRelationship[] {
  const count = rels.key.length;
  if ([rels.key_prefix, rels.type, rels.source, rels.target].some((c) => c.length !== count))
    throw broken('relationship columns differ in length');
  const properties = propertiesOf(rels.properties, rels.offset, count, header.strings);
  const end = (value: number | string | undefined): string =>
    typeof value === 'string' ? value : nodeKeyAt(value ?? -1);
  return rels.key.map((key, k) => ({
    key: `${at(header.strings, rels.key_prefix[k] ?? -1, 'key prefix')}${key}`,
    type: at(header.types, rels.type[k] ?? -1, 'type'),
    source: end(rels.source[k]),
    target: end(rels.target[k]),
    properties: properties[k] ?? {},
  }));
}

const responseOf = (header: CompactHeader, data: GraphData): GraphResponse => ({
  ...data,
  totals: header.totals,
  truncated: header.truncated,
  limit: header.limit,
  mode: header.mode,
});

/** The graph response a compact document describes (carried properties only). */
export function decodeCompactGraph(compact: CompactGraph): GraphResponse {
  const nodes = decodeNodes(compact, compact.nodes);
  const relationships = decodeRelationships(
    compact,
    compact.relationships,
    (i) => at(nodes, i, 'node').key,
  );
  return responseOf(compact, { nodes, relationships });
}

/** What a stream decoder hands on per line: the chunk's nodes and relationships, decoded. */
export type CompactChunk = GraphData & { header: CompactHeader };

export type CompactStreamDecoder = {
  /** Reads one NDJSON line; returns the chunk it carried (none for the header and end lines). */
  push: (line: string) => CompactChunk | null;
  /** Whether the end line has been read. */
  done: () => boolean;
  /** The whole response, once the end line has been read. */
  result: () => GraphResponse;
};

/** Reads the streamed shape line by line, checking order, offsets and counts. */
export function createCompactStreamDecoder(): CompactStreamDecoder {
  let header: CompactHeader | null = null;
  let ended = false;
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  const push = (text: string): CompactChunk | null => {
    if (text.trim() === '') return null;
    const line = CompactLine.parse(JSON.parse(text));
    if (ended) throw broken('a line after the end');
    if (line.kind === 'header') {
      if (header) throw broken('a second header');
      const { kind: _kind, ...rest } = line;
      header = rest;
      return null;
    }
    if (!header) throw broken('a chunk before the header');
    if (line.kind === 'end') {
      if (line.nodes !== nodes.length || line.relationships !== relationships.length)
        throw broken('the end line counts differ from the chunks received');
      if (line.nodes !== header.counts.nodes || line.relationships !== header.counts.relationships)
        throw broken('the end line counts differ from the header');
      ended = true;
      return null;
    }
    if (line.kind === 'nodes') {
      if (line.nodes.offset !== nodes.length) throw broken('a node chunk out of order');
      const chunk = decodeNodes(header, line.nodes);
      nodes.push(...chunk);
      return { header, nodes: chunk, relationships: [] };
    }
    if (line.relationships.offset !== relationships.length)
      throw broken('a relationship chunk out of order');
    const chunk = decodeRelationships(header, line.relationships, (i) => at(nodes, i, 'node').key);
    relationships.push(...chunk);
    return { header, nodes: [], relationships: chunk };
  };
  return {
    push,
    done: () => ended,
    result: () => {
      if (!header || !ended) throw broken('the stream ended before its end line');
      return responseOf(header, { nodes, relationships });
    },
  };
}

/** Splits text arriving in pieces into lines; `flush` hands back what follows the last newline. */
export function lineSplitter(onLine: (line: string) => void): {
  write: (text: string) => void;
  flush: () => void;
} {
  let rest = '';
  return {
    write: (text) => {
      let start = 0;
      let at = text.indexOf('\n');
      while (at >= 0) {
        onLine(rest + text.slice(start, at));
        rest = '';
        start = at + 1;
        at = text.indexOf('\n', start);
      }
      rest += text.slice(start);
    },
    flush: () => {
      if (rest !== '') onLine(rest);
      rest = '';
    },
  };
}
