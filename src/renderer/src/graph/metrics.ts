/**
 * Network metrics and communities (graphology-metrics, graphology-communities-louvain) on the
 * drawn graph's structure: one undirected simple graph, parallel relationships merged into one
 * edge whose weight is their sum. Pure: the metrics worker and the benchmark's baseline run the
 * same functions. Distances count steps (weights are how many relationships, not lengths).
 */
import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweenness from 'graphology-metrics/centrality/betweenness';
import closeness from 'graphology-metrics/centrality/closeness';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import pagerank from 'graphology-metrics/centrality/pagerank';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree';
import { seededRandom } from '@shared/seeded-random';

export const METRIC_IDS = [
  'degree_centrality',
  'weighted_degree',
  'pagerank',
  'betweenness',
  'closeness',
  'community',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRIC_TITLES: Record<MetricId, string> = {
  degree_centrality: 'Degree centrality',
  weighted_degree: 'Weighted degree',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
  closeness: 'Closeness',
  community: 'Community (Louvain)',
};

export const isMetricId = (key: string): key is MetricId =>
  (METRIC_IDS as readonly string[]).includes(key);

/** The structure a computation needs: node keys, and edges as node indices with a weight. */
export type MetricsInput = {
  nodes: readonly string[];
  /** [source index, target index, weight]. */
  edges: readonly (readonly [number, number, number])[];
};

type Structure = Graph<Record<string, never>, { weight: number }>;

export function buildStructure(input: MetricsInput): Structure {
  const graph: Structure = new UndirectedGraph();
  for (const key of input.nodes) graph.mergeNode(key);
  for (const [s, t, weight] of input.edges) {
    const source = input.nodes[s];
    const target = input.nodes[t];
    if (source === undefined || target === undefined || source === target) continue;
    graph.updateEdge(source, target, (a) => ({ weight: (a.weight ?? 0) + weight }));
  }
  return graph;
}

type Mapping = Record<string, number>;

function computeMapping(graph: Structure, id: MetricId): Mapping {
  switch (id) {
    case 'degree_centrality':
      return degreeCentrality(graph);
    case 'weighted_degree': {
      const out: Mapping = {};
      graph.forEachNode((key) => (out[key] = weightedDegree(graph, key, 'weight')));
      return out;
    }
    case 'pagerank':
      return pagerank(graph, { getEdgeWeight: 'weight' });
    case 'betweenness':
      return betweenness(graph, { normalized: true, getEdgeWeight: null });
    case 'closeness':
      return closeness(graph, { wassermanFaust: true });
    case 'community':
      return louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(42) });
  }
}

/** One metric's value per node, in the order of `input.nodes` (0 where it is undefined). */
export function computeMetric(graph: Structure, input: MetricsInput, id: MetricId): number[] {
  const mapping = computeMapping(graph, id);
  return input.nodes.map((key) => {
    const v = mapping[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  });
}

/** The structure of a drawn dataset: its nodes and relationships (weight 1 each). */
export function metricsInput(
  nodes: Iterable<string>,
  edges: Iterable<{ source: string; target: string }>,
): MetricsInput {
  const keys = [...nodes];
  const index = new Map(keys.map((k, i) => [k, i]));
  const out: [number, number, number][] = [];
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) out.push([s, t, 1]);
  }
  return { nodes: keys, edges: out };
}
