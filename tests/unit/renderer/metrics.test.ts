import { describe, expect, it } from 'vitest';
import type { MetricId } from '../../../src/renderer/src/graph/metrics';
import {
  buildStructure,
  computeMetric,
  metricsInput,
} from '../../../src/renderer/src/graph/metrics';
import { MetricsReply } from '../../../src/renderer/src/graph/metrics-protocol';
import type { MetricsRequest } from '../../../src/renderer/src/graph/metrics-protocol';
import { handleMetricsMessage } from '../../../src/renderer/src/graph/metrics-worker-core';

/** Two triangles (a b c, x y z) joined by one bridge c–x, and a loner. */
const nodes = ['a', 'b', 'c', 'x', 'y', 'z', 'loner'];
const pairs: [string, string][] = [
  ['a', 'b'],
  ['b', 'c'],
  ['c', 'a'],
  ['x', 'y'],
  ['y', 'z'],
  ['z', 'x'],
  ['c', 'x'],
  // A parallel relationship and a self-loop: merged and ignored.
  ['a', 'b'],
  ['a', 'a'],
];
const input = metricsInput(
  nodes,
  pairs.map(([source, target]) => ({ source, target })),
);
const graph = buildStructure(input);
const metric = (id: MetricId) => {
  const values = computeMetric(graph, input, id);
  return Object.fromEntries(nodes.map((k, i) => [k, values[i]]));
};

describe('metrics on the drawn structure', () => {
  it('merges parallel relationships into one weighted edge and drops self-loops', () => {
    expect(graph.order).toBe(7);
    expect(graph.size).toBe(7);
    expect(graph.getEdgeAttribute('a', 'b', 'weight')).toBe(2);
    expect(metric('weighted_degree')).toMatchObject({ a: 3, b: 3, c: 3, loner: 0 });
  });

  it('ranks the bridge ends highest by betweenness and closeness', () => {
    const b = metric('betweenness');
    expect(b.c).toBeGreaterThan(b.a ?? 0);
    expect(b.x).toBeCloseTo(b.c ?? 0);
    expect(b.loner).toBe(0);
    const c = metric('closeness');
    expect(c.c).toBeGreaterThan(c.a ?? 0);
  });

  it('gives PageRank summing to one and degree centrality by neighbours', () => {
    const pr = computeMetric(graph, input, 'pagerank');
    expect(pr.reduce((s, v) => s + v, 0)).toBeCloseTo(1);
    expect(metric('degree_centrality')).toMatchObject({ c: 3 / 6, a: 2 / 6, loner: 0 });
  });

  it('finds the two triangles as communities, the same on every run', () => {
    const c = metric('community');
    expect(c.a).toBe(c.b);
    expect(c.b).toBe(c.c);
    expect(c.x).toBe(c.y);
    expect(c.x).not.toBe(c.a);
    expect(metric('community')).toEqual(c);
  });
});

describe('metrics worker protocol', () => {
  const run = (data: unknown): MetricsReply[] => {
    const replies: MetricsReply[] = [];
    handleMetricsMessage(data, (r) => replies.push(MetricsReply.parse(r)));
    return replies;
  };

  it('answers progress after each metric, then the values in node order', () => {
    const request: MetricsRequest = {
      id: 7,
      nodes,
      edges: input.edges.map(([s, t, w]) => [s, t, w]),
      metrics: ['pagerank', 'community'],
    };
    const replies = run(request);
    expect(replies.map((r) => r.type)).toEqual(['progress', 'progress', 'progress', 'result']);
    expect(replies.slice(0, 3)).toEqual([
      { type: 'progress', id: 7, done: 0, total: 2, next: 'pagerank' },
      { type: 'progress', id: 7, done: 1, total: 2, next: 'community' },
      { type: 'progress', id: 7, done: 2, total: 2 },
    ]);
    const result = replies[3];
    expect(result?.type === 'result' && Object.keys(result.values)).toEqual([
      'pagerank',
      'community',
    ]);
    expect(result?.type === 'result' && result.values.pagerank).toEqual(
      computeMetric(graph, input, 'pagerank'),
    );
  });

  it('refuses a bad request, naming the field, with the request id', () => {
    const [bad] = run({ id: 3, nodes: ['a'], edges: [], metrics: ['gravity'] });
    expect(bad).toMatchObject({ type: 'error', id: 3 });
    expect(bad?.type === 'error' && bad.message).toMatch(/^Bad metrics request: metrics\.0: /);
    const [junk] = run('hello');
    expect(junk).toMatchObject({ type: 'error', id: -1 });
    expect(junk?.type === 'error' && junk.message).toMatch(/^Bad metrics request/);
  });

  it('ignores edges whose ends are not in the request', () => {
    const replies = run({ id: 1, nodes: ['a', 'b'], edges: [[0, 5, 1]], metrics: ['pagerank'] });
    const result = replies.at(-1);
    expect(result?.type === 'result' && result.values.pagerank).toEqual([0.5, 0.5]);
  });
});
