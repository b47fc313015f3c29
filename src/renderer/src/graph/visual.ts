/**
 * From dataset to drawable graph: visual attributes per node and edge (pure), and the sync that
 * applies them to the one graphology instance sigma draws, keeping the positions of nodes that
 * stay so a filter change does not reshuffle the picture.
 */
import Graph from 'graphology';
import type { GraphNode, GraphRelationship } from '@shared/api';
import type { NodeLabel } from '@shared/domain';
import {
  edgeColor,
  edgeWidth,
  groupNodeSize,
  metricValue,
  nodeSize,
  rangeOf,
  NODE_COLORS,
  NODE_SHAPE_BY_LABEL,
} from './appearance';
import type { AppearanceState, NodeShape } from './appearance';
import type { MetricId } from './metrics';
import { METRIC_IDS } from './metrics';
import type { MetricValues } from './node-values';
import { degrees, nodeValues } from './node-values';
import { styleNodes } from './style-rules';
import type { ChunkOptions } from './chunked';
import { inChunks } from './chunked';
import type { Dataset } from './exploration';
import type { Point } from './layouts';
import { isGroupKey } from './grouping';
import { parallelCurvatures } from './parallel-edges';

export type NodeAttributes = {
  x: number;
  y: number;
  label: string;
  size: number;
  color: string;
  nodeType: NodeLabel;
  /** The sigma node program that draws the node: its shape. */
  type: NodeShape;
  /** Inner colour of shapes that have one (`square-dot`); fading reducers override it. */
  coreColor?: string;
  /** Larger (more important) nodes win label space; sigma's label grid prefers them. */
  forceLabel?: boolean;
} & Partial<Record<MetricId, number>>;
export type EdgeAttributes = {
  size: number;
  color: string;
  relType: string;
  /** The sigma edge program: parallel relationships are drawn as curves. */
  type?: 'curved';
  curvature?: number;
};
export type SigmaGraph = Graph<NodeAttributes, EdgeAttributes>;

type VisualNode = Omit<NodeAttributes, 'x' | 'y'>;
type VisualEdge = { source: string; target: string; attributes: EdgeAttributes };
export type VisualGraph = { nodes: Map<string, VisualNode>; edges: Map<string, VisualEdge> };

export const createSigmaGraph = (): SigmaGraph =>
  new Graph<NodeAttributes, EdgeAttributes>({
    multi: true,
    type: 'directed',
    allowSelfLoops: true,
  });

/** The styling rules applied to a dataset: per-node colour, size and label, and the legend. */
export const styleDataset = (
  dataset: Dataset,
  appearance: AppearanceState,
  metrics: MetricValues = {},
  deg: ReadonlyMap<string, number> = degrees(dataset),
) => styleNodes([...dataset.nodes.keys()], appearance.rules, nodeValues(dataset, metrics, deg));

/** A node's computed metrics as attributes (undefined clears one no longer computed). */
function metricAttributes(key: string, metrics: MetricValues): Partial<Record<MetricId, number>> {
  const out: Partial<Record<MetricId, number>> = {};
  for (const m of METRIC_IDS) out[m] = metrics[m]?.get(key);
  return out;
}

/** What a node and an edge are drawn with, once the dataset-wide values are known. */
function visualItems(
  dataset: Dataset,
  appearance: AppearanceState,
  more: ReadonlyMap<string, number>,
  metrics: MetricValues,
  deg: ReadonlyMap<string, number>,
) {
  const style = styleDataset(dataset, appearance, metrics, deg);
  const value = (key: string): number | null => {
    const node = dataset.nodes.get(key);
    return node ? metricValue(node, appearance.sizeBy, deg.get(key) ?? 0) : null;
  };
  const range = rangeOf([...dataset.nodes.keys()].map(value));
  const node = (key: string, node: GraphNode): VisualNode => {
    const members = isGroupKey(key) ? node.properties.members : undefined;
    const name = style.label.get(key) ?? node.name;
    const size = typeof members === 'number' ? groupNodeSize(members) : style.size.get(key);
    return {
      ...metricAttributes(key, metrics),
      label: more.has(key) ? `${name} (+${more.get(key)} more)` : name,
      size: size ?? nodeSize(value(key), range),
      color: style.color.get(key) ?? NODE_COLORS[node.label],
      nodeType: node.label,
      type: NODE_SHAPE_BY_LABEL[node.label],
      forceLabel: appearance.labels === 'all',
    };
  };
  const edge = (rel: GraphRelationship, curvature: number | undefined): VisualEdge => {
    const attributes: EdgeAttributes = {
      size: edgeWidth(rel),
      color: edgeColor(rel),
      relType: rel.type,
      ...(curvature === undefined ? {} : { type: 'curved' as const, curvature }),
    };
    return { source: rel.source, target: rel.target, attributes };
  };
  return { node, edge };
}

export function deriveVisual(
  dataset: Dataset,
  appearance: AppearanceState,
  more: ReadonlyMap<string, number> = new Map(),
  metrics: MetricValues = {},
): VisualGraph {
  const item = visualItems(dataset, appearance, more, metrics, degrees(dataset));
  const nodes = new Map<string, VisualNode>();
  for (const [key, node] of dataset.nodes) nodes.set(key, item.node(key, node));
  const edges = new Map<string, VisualEdge>();
  const curvatures = parallelCurvatures(dataset.edges);
  for (const [key, rel] of dataset.edges) edges.set(key, item.edge(rel, curvatures.get(key)));
  return { nodes, edges };
}

/**
 * `deriveVisual` in steps and chunks, with the browser running between them (see chunked): the
 * same visual graph, or null when cancelled part-way.
 */
export async function deriveVisualInChunks(
  dataset: Dataset,
  appearance: AppearanceState,
  more: ReadonlyMap<string, number>,
  metrics: MetricValues,
  options: Omit<ChunkOptions, 'progress'>,
): Promise<VisualGraph | null> {
  const deg = degrees(dataset);
  await options.yieldNow();
  const item = visualItems(dataset, appearance, more, metrics, deg);
  await options.yieldNow();
  const curvatures = parallelCurvatures(dataset.edges);
  await options.yieldNow();
  if (options.cancelled?.()) return null;
  const nodes = new Map<string, VisualNode>();
  const nodeChunks = await inChunks(
    [...dataset.nodes],
    (chunk) => {
      for (const [key, node] of chunk) nodes.set(key, item.node(key, node));
    },
    options,
  );
  if (nodeChunks === null) return null;
  await options.yieldNow();
  const edges = new Map<string, VisualEdge>();
  const edgeChunks = await inChunks(
    [...dataset.edges],
    (chunk) => {
      for (const [key, rel] of chunk) edges.set(key, item.edge(rel, curvatures.get(key)));
    },
    { ...options, firstSize: options.firstSize * 2 },
  );
  return edgeChunks === null ? null : { nodes, edges };
}

/** Visual graphs derived ahead (in chunks) for a dataset not yet drawn, with their inputs. */
const primedVisuals = new WeakMap<
  Dataset,
  { appearance: AppearanceState; metrics: MetricValues; visual: VisualGraph }
>();

/** Keeps `visual`, derived ahead from `dataset` with no "more" counts, for `primedVisual`. */
export function primeVisual(
  dataset: Dataset,
  appearance: AppearanceState,
  metrics: MetricValues,
  visual: VisualGraph,
): void {
  primedVisuals.set(dataset, { appearance, metrics, visual });
}

/** `deriveVisual(dataset, appearance, more, metrics)` when it was derived ahead, else null. */
export function primedVisual(
  dataset: Dataset,
  appearance: AppearanceState,
  more: ReadonlyMap<string, number>,
  metrics: MetricValues,
): VisualGraph | null {
  const p = primedVisuals.get(dataset);
  return p && more.size === 0 && p.appearance === appearance && p.metrics === metrics
    ? p.visual
    : null;
}

type Place = (key: string, placed: (k: string) => Point | null) => Point;
type NodeEntry = [string, VisualNode];
type EdgeEntry = [string, VisualEdge];

/** Drops what left `visual`; returns how many nodes went. */
function dropLeft(graph: SigmaGraph, visual: VisualGraph): number {
  let removed = 0;
  if (graph.someNode((node) => visual.nodes.has(node))) {
    graph.forEachEdge((edge) => {
      if (!visual.edges.has(edge)) graph.dropEdge(edge);
    });
    graph.forEachNode((node) => {
      if (!visual.nodes.has(node)) {
        graph.dropNode(node);
        removed++;
      }
    });
  } else {
    // Nothing stays: one clear instead of an event per item.
    removed = graph.order;
    graph.clear();
  }
  return removed;
}

/** Adds or updates some nodes; new ones go in through one import. Returns how many came. */
function syncNodes(graph: SigmaGraph, entries: readonly NodeEntry[], place: Place): number {
  const placed = (k: string): Point | null =>
    graph.hasNode(k)
      ? { x: graph.getNodeAttribute(k, 'x'), y: graph.getNodeAttribute(k, 'y') }
      : null;
  const fresh: { key: string; attributes: NodeAttributes }[] = [];
  for (const [key, attrs] of entries) {
    if (graph.hasNode(key)) graph.mergeNodeAttributes(key, attrs);
    else fresh.push({ key, attributes: { ...attrs, ...place(key, placed) } });
  }
  graph.import({ nodes: fresh });
  return fresh.length;
}

function syncEdges(graph: SigmaGraph, entries: readonly EdgeEntry[]): void {
  const fresh: { key: string; source: string; target: string; attributes: EdgeAttributes }[] = [];
  for (const [key, e] of entries) {
    if (graph.hasEdge(key)) graph.replaceEdgeAttributes(key, e.attributes);
    else fresh.push({ key, source: e.source, target: e.target, attributes: e.attributes });
  }
  graph.import({ edges: fresh });
}

/**
 * Makes `graph` equal to `visual`: drops what left, adds what came (positioned by `place`,
 * which sees the nodes already placed), updates attributes of what stayed (keeping x/y).
 */
export function syncGraph(
  graph: SigmaGraph,
  visual: VisualGraph,
  place: Place,
): { added: number; removed: number } {
  const removed = dropLeft(graph, visual);
  const added = syncNodes(graph, [...visual.nodes], place);
  syncEdges(graph, [...visual.edges]);
  return { added, removed };
}

/** How far a chunked sync has got: nodes first, then relationships. */
export type SyncProgress = { phase: 'nodes' | 'relationships'; done: number; total: number };

/**
 * `syncGraph` in chunks with the browser running between them (see chunked): how many chunks,
 * null when cancelled part-way (the graph then holds part of `visual`). `progress` is told after
 * each chunk.
 */
export async function syncGraphInChunks(
  graph: SigmaGraph,
  visual: VisualGraph,
  place: Place,
  options: Omit<ChunkOptions, 'progress'>,
  progress?: (p: SyncProgress) => void,
): Promise<number | null> {
  dropLeft(graph, visual);
  const nodeTotal = visual.nodes.size;
  const edgeTotal = visual.edges.size;
  progress?.({ phase: 'nodes', done: 0, total: nodeTotal });
  const nodes = await inChunks([...visual.nodes], (c) => syncNodes(graph, c, place), {
    ...options,
    progress: (done) => progress?.({ phase: 'nodes', done, total: nodeTotal }),
  });
  if (nodes === null) return null;
  // An edge costs about half a node.
  const edgeOptions: ChunkOptions = {
    ...options,
    firstSize: options.firstSize * 2,
    progress: (done) => progress?.({ phase: 'relationships', done, total: edgeTotal }),
  };
  const edges = await inChunks([...visual.edges], (c) => syncEdges(graph, c), edgeOptions);
  return edges === null ? null : nodes + edges;
}
