import { describe, expect, it } from 'vitest';
import { expand, startExploration, steps } from '../../../src/renderer/src/graph/exploration';
import {
  applicableFilters,
  regionOnly,
  toFilterRequest,
  whyFieldOff,
} from '../../../src/renderer/src/graph/filters';
import { createExplorer } from '../../../src/renderer/src/state/explorer';
import { AppError } from '../../../src/shared/errors';
import type { CallOptions, Client } from '../../../src/shared/contract';
import { OPERATION_NAMES } from '../../../src/shared/contract';
import { base, co1, p1, page, rel } from './fixtures';

describe('filters that do not apply in the mode', () => {
  const filters = { regions: ['NAI'], ratings: ['Positive' as const] };

  it('are left out of the request and say why', () => {
    expect(toFilterRequest(filters, 'recommendations')).toEqual({
      regions: ['NAI'],
      mode: 'recommendations',
    });
    expect(toFilterRequest(filters, 'standard')).toMatchObject({ ratings: ['Positive'] });
    expect(whyFieldOff('ratings', 'recommendations')).toBe(
      'Does not apply in recommendations mode',
    );
    expect(whyFieldOff('opportunity_types', 'standard')).toBe('Does not apply in standard mode');
    expect(whyFieldOff('node_types', 'recommendations')).toBeNull();
    expect(whyFieldOff('regions', 'recommendations')).toBeNull();
  });

  it('leave a region on its own when only they were set beside it', () => {
    expect(regionOnly(applicableFilters(filters, 'recommendations'))).toBe('NAI');
    expect(regionOnly(applicableFilters(filters, 'standard'))).toBeNull();
  });
});

describe('graph source', () => {
  it('is the filter or a query, and lists each node expanded once', () => {
    expect(startExploration(base).source).toBe('filter');
    expect(startExploration(base, 'query').source).toBe('query');
    let e = expand(startExploration(base), page(co1, [p1], [rel('e3', 'OWNS', co1, p1)], 2));
    e = expand(e, page(co1, [], [], 2, 1));
    expect(steps(e)).toEqual([{ node: co1.key, name: co1.name, kind: 'expanded' }]);
    expect(expand(startExploration(base, 'query'), page(co1, [], [], 0)).source).toBe('query');
  });
});

describe('a load the database does not answer', () => {
  /** Every read waits until its caller gives up; the cancel then rejects it as the client does. */
  const wait = (_input: unknown, options?: CallOptions): Promise<never> =>
    new Promise((_, reject) =>
      options?.signal?.addEventListener('abort', () =>
        reject(new AppError('CANCELLED', String(options.signal?.reason))),
      ),
    );
  const waiting = {
    ...Object.fromEntries(OPERATION_NAMES.map((name) => [name, wait])),
    viewGraph: wait,
  } as unknown as Client;

  it('can be cancelled: it says so and keeps the graph drawn before', async () => {
    const explorer = createExplorer(waiting);
    explorer.showGraph(base);
    const loading = explorer.applyFilters({ regions: ['NAI'] });
    expect(explorer.store.get().load.status).toBe('loading');
    explorer.cancelLoad();
    await loading;
    const { load, history } = explorer.store.get();
    expect(load.status).toBe('error');
    expect(load.error).toMatch(/^Cancelled: the database had not answered/);
    expect(history.present.base).toBe(base);
  });

  it('is withdrawn when a newer load replaces it', async () => {
    const explorer = createExplorer(waiting);
    const first = explorer.applyFilters({ regions: ['NAI'] });
    const second = explorer.applyFilters({ regions: ['EMEA'] });
    explorer.cancelLoad();
    await Promise.all([first, second]);
    // Only the newer load reports; the older one was withdrawn silently.
    expect(explorer.store.get().load.error).toMatch(/^Cancelled/);
  });
});
