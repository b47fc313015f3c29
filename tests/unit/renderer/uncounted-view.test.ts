/**
 * A view cut by the cap arrives without its totals (the app asks `totals: none`): the load says
 * "more than" the cap, the estimate counts the view afterwards and fills the totals, and a newer
 * load wins over an older count.
 */
import { describe, expect, it } from 'vitest';
import type { GraphEstimate, GraphEstimateInput, GraphResponse } from '../../../src/shared/api';
import type { Client, ViewRequest } from '../../../src/shared/contract';
import { createExplorer } from '../../../src/renderer/src/state/explorer';
import { matchedNodes } from '../../../src/renderer/src/state/explorer-state';
import { node } from './fixtures';

const LIMIT = 2;
const cut: GraphResponse = {
  nodes: [node('COMPANY', 'CO1'), node('COMPANY', 'CO2')],
  relationships: [],
  totals: null,
  truncated: true,
  limit: LIMIT,
  mode: 'standard',
};

/** A client whose views are all cut, and whose counts wait until released. */
function countingClient() {
  const views: ViewRequest[] = [];
  const counts: { view: GraphEstimateInput; answer: (e: GraphEstimate) => void }[] = [];
  const client = {
    viewGraph: (request: ViewRequest) => {
      views.push(request);
      return Promise.resolve(cut);
    },
    estimateGraph: (view: GraphEstimateInput) =>
      new Promise<GraphEstimate>((answer) => counts.push({ view, answer })),
  } as unknown as Client;
  return { client, views, counts };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('a view cut by the cap', () => {
  it('is asked uncounted and counted afterwards by the estimate', async () => {
    const { client, views, counts } = countingClient();
    const explorer = createExplorer(client, LIMIT);
    await explorer.applyFilters({ regions: ['NAI'] });
    expect(views[0]?.input).toMatchObject({ region: 'NAI', limit: LIMIT, totals: 'none' });
    const load = explorer.store.get().load;
    expect(load).toMatchObject({ totals: null, truncated: true, tooLarge: true });
    expect(matchedNodes(load, LIMIT)).toBe('more than 2');
    expect(counts.map((c) => c.view)).toEqual([
      { view: 'region', region: 'NAI', mode: 'standard' },
    ]);
    counts[0]?.answer({ nodes: 1234, relationships: 2000 });
    await settle();
    const counted = explorer.store.get().load;
    expect(counted.totals).toEqual({ nodes: 1234, relationships: 2000 });
    expect(matchedNodes(counted, LIMIT)).toBe('1,234');
  });

  it('keeps a count of an older view out of a newer one', async () => {
    const { client, views, counts } = countingClient();
    const explorer = createExplorer(client, LIMIT);
    await explorer.applyFilters({ regions: ['NAI'] });
    await explorer.applyFilters({ ratings: ['Positive'] });
    expect(views[1]?.input).toMatchObject({ ratings: ['Positive'], totals: 'none' });
    counts[0]?.answer({ nodes: 1234, relationships: 2000 });
    await settle();
    expect(explorer.store.get().load.totals).toBeNull();
    counts[1]?.answer({ nodes: 50, relationships: 40 });
    await settle();
    expect(explorer.store.get().load.totals).toEqual({ nodes: 50, relationships: 40 });
  });
});
