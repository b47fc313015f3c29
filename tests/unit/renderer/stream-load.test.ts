import { describe, expect, it } from 'vitest';
import type { GraphNode, GraphRelationship, GraphResponse } from '../../../src/shared/api';
import { compactStreamLines, createCompactStreamDecoder } from '../../../src/shared/compact-graph';
import type { CallOptions, Client, ViewOptions, ViewRequest } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';
import { createExplorer } from '../../../src/renderer/src/state/explorer';
import { base, node, rel } from './fixtures';

/** A region of `n` companies, each owning a product: what the full JSON response says. */
function region(n: number): GraphResponse {
  const nodes: GraphNode[] = [];
  const relationships: GraphRelationship[] = [];
  for (let i = 0; i < n; i++) {
    const company = node('COMPANY', `CO${i}`, { aum: i * 1000, privacy: 'Public' });
    const product = node('PRODUCT', `P${i}`, { asset_class: 'Equities', jpm_flag: 'Y' });
    nodes.push(company, product);
    relationships.push(
      rel(`5:x:${i}`, 'OWNS', company, product, { mandate_status: 'Active', value: i }),
    );
  }
  const totals = { nodes: nodes.length, relationships: relationships.length };
  return { nodes, relationships, totals, truncated: false, limit: 20_000, mode: 'standard' };
}

/**
 * A client whose view load streams `full` in the compact format, one chunk per `step()`;
 * `getRegionGraph` answers the full JSON response, counting its calls.
 */
function streamingClient(full: GraphResponse) {
  const gates: (() => void)[] = [];
  let fullCalls = 0;
  const viewGraph = async (_request: ViewRequest, options: ViewOptions = {}) => {
    const decoder = createCompactStreamDecoder();
    for (const line of compactStreamLines(full, 1000)) {
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        options.signal?.addEventListener('abort', () =>
          reject(new AppError('CANCELLED', String(options.signal?.reason))),
        );
      });
      const chunk = decoder.push(line);
      if (chunk) options.onChunk?.(chunk);
    }
    return decoder.result();
  };
  const client = {
    viewGraph,
    getRegionGraph: (_input: unknown, _options?: CallOptions) => {
      fullCalls++;
      return Promise.resolve(full);
    },
  } as unknown as Client;
  const step = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 0));
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { client, step, fullCalls: () => fullCalls };
}

describe('a large view streamed in', () => {
  const full = region(1500);

  it('is drawn as it arrives, then becomes one step with the whole graph', async () => {
    const { client, step, fullCalls } = streamingClient(full);
    const explorer = createExplorer(client, 20_000);
    const loading = explorer.applyFilters({ regions: ['NAI'] });
    await step(); // header
    expect(explorer.store.get().stream).toBeNull();
    await step(); // first 1,000 nodes
    const first = explorer.store.get().stream;
    expect(first).toMatchObject({ nodes: 3000, relationships: 1500 });
    expect(first?.data.nodes.map((n) => n.key)).toEqual(
      full.nodes.slice(0, 1000).map((n) => n.key),
    );
    expect(explorer.store.get().load.status).toBe('loading');
    // 3,000 nodes and 1,500 relationships in chunks of 1,000, then the end line.
    for (let i = 0; i < 5; i++) await step();
    await loading;
    const s = explorer.store.get();
    expect(s.stream).toBeNull();
    expect(s.load).toMatchObject({ status: 'ready', totals: full.totals, tooLarge: false });
    expect(s.history.past).toHaveLength(1);
    expect(s.history.present.base.nodes.map((n) => n.key)).toEqual(full.nodes.map((n) => n.key));
    // The view carries drawing properties only; an export reads the rest once.
    expect(s.history.present.base.nodes[0]?.properties).not.toHaveProperty('privacy');
    const complete = await explorer.completeData();
    expect(complete.nodes[0]?.properties).toMatchObject({ privacy: 'Public', aum: 0 });
    expect(complete.relationships[1]?.properties).toEqual({ mandate_status: 'Active', value: 1 });
    await explorer.completeData();
    expect(fullCalls()).toBe(1);
    // An image needs only what is drawn.
    expect((await explorer.completeData(false)).nodes[0]?.properties).not.toHaveProperty('privacy');
    expect(fullCalls()).toBe(1);
    // Style rules may use any property: the step's base takes them all, in place.
    await explorer.completeProperties();
    const after = explorer.store.get();
    expect(after.history.past).toHaveLength(1);
    expect(after.history.present.base.nodes[0]?.properties).toMatchObject({ privacy: 'Public' });
    expect(fullCalls()).toBe(1);
  });

  it('is shown again as it arrives each time it has doubled, and once its nodes are whole', async () => {
    const { client, step } = streamingClient(region(4000));
    const explorer = createExplorer(client, 20_000);
    const loading = explorer.applyFilters({ regions: ['NAI'] });
    const shown: [number, number][] = [];
    const stop = explorer.store.subscribe(() => {
      const data = explorer.store.get().stream?.data;
      const last = shown.at(-1);
      if (data && (last?.[0] !== data.nodes.length || last[1] !== data.relationships.length))
        shown.push([data.nodes.length, data.relationships.length]);
    });
    // The header, 8 node chunks, 4 relationship chunks, the end line.
    for (let i = 0; i < 14; i++) await step();
    await loading;
    stop();
    expect(shown).toEqual([
      [1000, 0],
      [2000, 0],
      [4000, 0],
      // Every node in (and not again for relationships under twice what was shown).
      [8000, 0],
    ]);
    expect(explorer.store.get().history.present.base.nodes).toHaveLength(8000);
    expect(explorer.store.get().history.present.base.relationships).toHaveLength(4000);
  });

  it('cancelled part-way, leaves the graph drawn before', async () => {
    const { client, step } = streamingClient(full);
    const explorer = createExplorer(client, 20_000);
    explorer.showGraph(base);
    const loading = explorer.applyFilters({ regions: ['NAI'] });
    await step();
    await step();
    expect(explorer.store.get().stream?.data.nodes).toHaveLength(1000);
    explorer.cancelLoad();
    await loading;
    const s = explorer.store.get();
    expect(s.stream).toBeNull();
    expect(s.load.error).toMatch(/^Cancelled/);
    expect(s.history.present.base).toBe(base);
  });

  it('over the guard, is not drawn while it arrives', async () => {
    const { client, step } = streamingClient({ ...full, truncated: true });
    const explorer = createExplorer(client, 20_000);
    const loading = explorer.applyFilters({ regions: ['NAI'] });
    const seen: unknown[] = [];
    const stop = explorer.store.subscribe(() => seen.push(explorer.store.get().stream));
    for (let i = 0; i < 7; i++) await step();
    await loading;
    stop();
    expect(seen.every((s) => s === null)).toBe(true);
    expect(explorer.store.get().load).toMatchObject({ tooLarge: true, truncated: true });
    expect(explorer.store.get().history.present.base.nodes).toHaveLength(0);
  });
});
