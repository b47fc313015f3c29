import { describe, expect, it } from 'vitest';
import type { GraphNode, GraphRelationship } from '../../../src/shared/api';
import { DEFAULT_APPEARANCE } from '../../../src/renderer/src/graph/appearance';
import {
  deriveDataset,
  deriveDatasetInChunks,
  expand,
  startExploration,
} from '../../../src/renderer/src/graph/exploration';
import {
  deriveVisual,
  deriveVisualInChunks,
  primeVisual,
  primedVisual,
} from '../../../src/renderer/src/graph/visual';
import { node, page, rel } from './fixtures';

/** Companies owning two products each (parallel relationships on every tenth). */
function graph(n: number) {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for (let i = 0; i < n; i++) {
    const company = node('COMPANY', `CO${i}`, { aum: i });
    const product = node('PRODUCT', `P${i}`);
    nodes.push(company, product);
    relationships.push(rel(`5:x:${i}`, 'OWNS', company, product));
    if (i % 10 === 0) relationships.push(rel(`5:y:${i}`, 'OWNS', company, product));
  }
  return { nodes, relationships };
}

const options = (yields: { n: number }, cancelAfter = Infinity) => ({
  budgetMs: 1,
  firstSize: 100,
  now: () => 0,
  yieldNow: () => Promise.resolve(void yields.n++),
  cancelled: () => yields.n >= cancelAfter,
});

describe('derivation in chunks', () => {
  it('derives the same dataset as at once, yielding between chunks', async () => {
    const company = node('COMPANY', 'CO1');
    const extra = node('PRODUCT', 'PX');
    const exploration = expand(
      startExploration(graph(500)),
      page(company, [extra], [rel('5:z:1', 'OWNS', company, extra)], 1),
    );
    const yields = { n: 0 };
    const chunked = await deriveDatasetInChunks(exploration, options(yields));
    const whole = deriveDataset(exploration);
    expect([...(chunked?.nodes.keys() ?? [])]).toEqual([...whole.nodes.keys()]);
    expect([...(chunked?.edges.keys() ?? [])]).toEqual([...whole.edges.keys()]);
    expect(yields.n).toBeGreaterThan(5);
    expect(await deriveDatasetInChunks(exploration, options({ n: 0 }, 2))).toBeNull();
  });

  it('derives the same visual graph as at once, and hands it on when derived ahead', async () => {
    const dataset = deriveDataset(startExploration(graph(500)));
    const yields = { n: 0 };
    const chunked = await deriveVisualInChunks(
      dataset,
      DEFAULT_APPEARANCE,
      new Map(),
      {},
      options(yields),
    );
    const whole = deriveVisual(dataset, DEFAULT_APPEARANCE);
    expect(chunked).toEqual(whole);
    expect(chunked?.edges.get('5:y:0')?.attributes.type).toBe('curved');
    expect(yields.n).toBeGreaterThan(5);
    expect(
      await deriveVisualInChunks(dataset, DEFAULT_APPEARANCE, new Map(), {}, options({ n: 0 }, 2)),
    ).toBeNull();
    if (!chunked) return;
    expect(primedVisual(dataset, DEFAULT_APPEARANCE, new Map(), {})).toBeNull();
    const metrics = {};
    primeVisual(dataset, DEFAULT_APPEARANCE, metrics, chunked);
    expect(primedVisual(dataset, DEFAULT_APPEARANCE, new Map(), metrics)).toBe(chunked);
    // Other inputs: derived again.
    expect(primedVisual(dataset, DEFAULT_APPEARANCE, new Map([['x', 1]]), metrics)).toBeNull();
    expect(primedVisual(dataset, { ...DEFAULT_APPEARANCE }, new Map(), metrics)).toBeNull();
  });
});
