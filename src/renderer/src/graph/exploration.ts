/**
 * Exploration: the graph loaded for the current filter plus the steps the analyst took on it
 * (neighbour expansions, nodes brought in by search). Each step yields a new immutable value, so
 * undo/redo is a history of these values and the drawn dataset is derived from one of them.
 */
import type { GraphData, GraphNode, GraphRelationship, NeighboursResponse } from '@shared/api';
import { inChunks, type ChunkOptions } from './chunked';

type Expansion = {
  /** Key of the node whose neighbours were brought in (or the node itself for a pin). */
  node: string;
  data: GraphData;
  /** Paging of the node's relationships: what was loaded and how many exist. */
  offset: number;
  loaded: number;
  total: number;
  hasMore: boolean;
};

/** Where the base graph came from: the filter (and mode), or a query's result. */
export type BaseSource = 'filter' | 'query';

export type Exploration = {
  base: GraphData;
  source?: BaseSource;
  expansions: readonly Expansion[];
};

export type Dataset = {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphRelationship>;
};

export const EMPTY_GRAPH: GraphData = { nodes: [], relationships: [] };

export const startExploration = (base: GraphData, source: BaseSource = 'filter'): Exploration => ({
  base,
  source,
  expansions: [],
});

/** The steps taken on the base, for the chips: each expanded or found node, once. */
export function steps(
  exploration: Exploration,
): { node: string; name: string; kind: 'expanded' | 'found' }[] {
  const out = new Map<string, { node: string; name: string; kind: 'expanded' | 'found' }>();
  for (const e of exploration.expansions) {
    if (out.has(e.node)) continue;
    const name = e.data.nodes.find((n) => n.key === e.node)?.name ?? e.node;
    out.set(e.node, { node: e.node, name, kind: e.total > 0 ? 'expanded' : 'found' });
  }
  return [...out.values()];
}

/** Adds the nodes not yet held (the first of a key wins). */
function addNodes(nodes: Map<string, GraphNode>, list: readonly GraphNode[]): void {
  for (const n of list) if (!nodes.has(n.key)) nodes.set(n.key, n);
}

/** Adds the relationships not yet held whose both ends are held. */
function addEdges(
  edges: Map<string, GraphRelationship>,
  nodes: ReadonlyMap<string, GraphNode>,
  list: readonly GraphRelationship[],
): void {
  for (const r of list) {
    if (!edges.has(r.key) && nodes.has(r.source) && nodes.has(r.target)) edges.set(r.key, r);
  }
}

const partsOf = (exploration: Exploration): GraphData[] => [
  exploration.base,
  ...exploration.expansions.map((e) => e.data),
];

/** Union of the base and every step; relationships only when both ends are present. */
export function deriveDataset(exploration: Exploration): Dataset {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphRelationship>();
  const parts = partsOf(exploration);
  for (const part of parts) addNodes(nodes, part.nodes);
  // Relationships once every node is known (a later step may bring an end of an earlier one's).
  for (const part of parts) addEdges(edges, nodes, part.relationships);
  return { nodes, edges };
}

/**
 * `deriveDataset` in chunks, with the browser running between them (see chunked): the same
 * dataset, or null when cancelled part-way. A large view's derivation is otherwise one long task.
 */
export async function deriveDatasetInChunks(
  exploration: Exploration,
  options: Omit<ChunkOptions, 'progress'>,
): Promise<Dataset | null> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphRelationship>();
  const parts = partsOf(exploration);
  for (const part of parts) {
    const done = await inChunks(part.nodes, (chunk) => addNodes(nodes, chunk), options);
    if (done === null) return null;
    await options.yieldNow();
  }
  for (const part of parts) {
    const done = await inChunks(part.relationships, (chunk) => addEdges(edges, nodes, chunk), {
      ...options,
      firstSize: options.firstSize * 2,
    });
    if (done === null) return null;
  }
  return { nodes, edges };
}

/** Adds one page of a node's neighbours. */
export function expand(exploration: Exploration, page: NeighboursResponse): Exploration {
  const loaded = Math.min(page.total, page.offset + page.relationships.length);
  const step: Expansion = {
    node: page.node.key,
    data: { nodes: [page.node, ...page.nodes], relationships: page.relationships },
    offset: page.offset,
    loaded,
    total: page.total,
    hasMore: page.has_more,
  };
  return { ...exploration, expansions: [...exploration.expansions, step] };
}

/** Adds a graph found from a node (e.g. the paths from it) as one step that stays on collapse. */
export function include(exploration: Exploration, node: string, data: GraphData): Exploration {
  const step: Expansion = { node, data, offset: 0, loaded: 0, total: 0, hasMore: false };
  return { ...exploration, expansions: [...exploration.expansions, step] };
}

/** Brings a single node (e.g. a search hit) into the graph when it is not there yet. */
export function pin(exploration: Exploration, node: GraphNode): Exploration {
  if (deriveDataset(exploration).nodes.has(node.key)) return exploration;
  return include(exploration, node.key, { nodes: [node], relationships: [] });
}

/** Paging state of a node's expansion: how far it got and whether more remain. */
export function expansionOf(
  exploration: Exploration,
  nodeKey: string,
): { loaded: number; total: number; hasMore: boolean } | null {
  const steps = exploration.expansions.filter((e) => e.node === nodeKey && e.total > 0);
  const last = steps[steps.length - 1];
  if (!last) return null;
  return { loaded: last.loaded, total: last.total, hasMore: last.hasMore };
}

/**
 * Removes what expanding a node added: its expansion steps, and then any later step whose node
 * is no longer in the graph. Nodes of the base stay.
 */
export function collapse(exploration: Exploration, nodeKey: string): Exploration {
  let kept = exploration.expansions.filter((e) => e.node !== nodeKey || e.total === 0);
  for (;;) {
    // A step stays while its node is in the graph without that node's own steps.
    const next = kept.filter(
      (e) =>
        e.total === 0 ||
        deriveDataset({
          base: exploration.base,
          expansions: kept.filter((o) => o.node !== e.node),
        }).nodes.has(e.node),
    );
    if (next.length === kept.length) break;
    kept = next;
  }
  return kept.length === exploration.expansions.length
    ? exploration
    : { ...exploration, expansions: kept };
}

/** Keys of the nodes a graph-wide expansion list refers to (for saving a view). */
export const expandedNodes = (exploration: Exploration): string[] => [
  ...new Set(exploration.expansions.filter((e) => e.total > 0).map((e) => e.node)),
];

/** Relationships still to load per expanded node (the "+N more" of the supernode guard). */
export function moreCounts(exploration: Exploration): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of exploration.expansions) {
    if (e.total > 0) out.set(e.node, e.hasMore ? e.total - e.loaded : 0);
  }
  for (const [key, n] of out) if (n <= 0) out.delete(key);
  return out;
}

/** A change of the data itself (an edit): what every step of the exploration must show. */
export type DataChange =
  | { kind: 'node-updated'; node: GraphNode }
  | { kind: 'node-deleted'; key: string }
  | { kind: 'relationship-updated'; relationship: GraphRelationship }
  | { kind: 'relationship-deleted'; key: string };

/**
 * The exploration with a change of the data applied to its base and each step: an updated
 * element replaces the one drawn, a deleted node goes with its relationships.
 */
export function applyDataChange(exploration: Exploration, change: DataChange): Exploration {
  const part = (data: GraphData): GraphData => {
    switch (change.kind) {
      case 'node-updated':
        return {
          nodes: data.nodes.map((n) => (n.key === change.node.key ? change.node : n)),
          relationships: data.relationships,
        };
      case 'node-deleted':
        return {
          nodes: data.nodes.filter((n) => n.key !== change.key),
          relationships: data.relationships.filter(
            (r) => r.source !== change.key && r.target !== change.key,
          ),
        };
      case 'relationship-updated':
        return {
          nodes: data.nodes,
          relationships: data.relationships.map((r) =>
            r.key === change.relationship.key ? change.relationship : r,
          ),
        };
      case 'relationship-deleted':
        return {
          nodes: data.nodes,
          relationships: data.relationships.filter((r) => r.key !== change.key),
        };
    }
  };
  return {
    ...exploration,
    base: part(exploration.base),
    expansions: exploration.expansions.map((e) => ({ ...e, data: part(e.data) })),
  };
}
