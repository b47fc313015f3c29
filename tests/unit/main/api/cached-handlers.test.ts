import { describe, expect, it } from 'vitest';
import type { GenerationJob, StatsResponse } from '../../../../src/shared/api';
import { withReadCache } from '../../../../src/main/cache/cached-handlers';
import { createMemoryCache } from '../../../../src/main/cache/memory';
import { awaitedBookmarks, withinBookmarkScope } from '../../../../src/main/db/bookmarks';
import { currentClient, withClient } from '../../../../src/main/services/request-context';
import type { Handlers } from '../../../../src/main/services/types';

function stats(total: number): StatsResponse {
  return {
    total_nodes: total,
    total_relationships: 0,
    nodes_by_label: {},
    relationships_by_type: {},
    regions: [],
    database_size_bytes: null,
    last_generation: null,
  };
}

function job(status: GenerationJob['status']): GenerationJob {
  return {
    id: 'j1',
    status,
    request: { mode: 'append' },
    progress: null,
    result: null,
    error: null,
    rolled_back: false,
    started_at: '2026-01-01T00:00:00Z',
    finished_at: null,
    bookmark: null,
  };
}

function setup(finishedAtSubscribe = false) {
  let total = 0;
  let listener: ((job: GenerationJob) => void) | undefined;
  const base = {
    getStats: () => Promise.resolve(stats(total)),
    clearGraph: () =>
      Promise.resolve({
        deleted_nodes: 0,
        deleted_relationships: 0,
        regions: null,
        seconds: 0,
        bookmark: null,
      }),
    runQuery: () =>
      Promise.resolve({
        columns: [],
        rows: [],
        graph: null,
        summary: { query_type: 'w', row_count: 0, truncated: false, elapsed_ms: 0 },
        plan: null,
        bookmark: null,
      }),
    startGeneration: () => Promise.resolve(job('running')),
  } satisfies Partial<Handlers>;
  const handlers = withReadCache(base as unknown as Handlers, createMemoryCache(), {
    generation: {
      subscribe: (_id, l) => {
        if (finishedAtSubscribe) l(job('succeeded'));
        else listener = l;
        return () => undefined;
      },
    },
  });
  return {
    handlers,
    write: (n: number) => (total = n),
    finish: () => listener?.(job('succeeded')),
  };
}

describe('read-cached handlers', () => {
  it('serves stats from the cache until a clear', async () => {
    const { handlers, write } = setup();
    expect((await handlers.getStats({})).total_nodes).toBe(0);
    write(5);
    expect((await handlers.getStats({})).total_nodes).toBe(0);
    await handlers.clearGraph({ confirm: true });
    expect((await handlers.getStats({})).total_nodes).toBe(5);
  });

  it('drops the cache after write queries, not after reads', async () => {
    const { handlers, write } = setup();
    await handlers.getStats({});
    write(1);
    await handlers.runQuery({ query: 'RETURN 1', parameters: {}, read_only: true });
    expect((await handlers.getStats({})).total_nodes).toBe(0);
    await handlers.runQuery({ query: 'CREATE ()', parameters: {}, read_only: false });
    expect((await handlers.getStats({})).total_nodes).toBe(1);
  });

  it('drops the cache when a generation job finishes', async () => {
    const { handlers, write, finish } = setup();
    await handlers.startGeneration({ mode: 'append' });
    await handlers.getStats({});
    write(7);
    finish();
    await Promise.resolve();
    expect((await handlers.getStats({})).total_nodes).toBe(7);
  });

  it('copes with a job that finished before it was watched', async () => {
    const { handlers, write } = setup(true);
    await handlers.getStats({});
    write(3);
    await handlers.startGeneration({ mode: 'append' });
    await Promise.resolve();
    expect((await handlers.getStats({})).total_nodes).toBe(3);
  });
});

describe('withReadCache concurrency', () => {
  it('runs one computation for concurrent misses of the same entry', async () => {
    let calls = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const base = {
      getStats: async () => {
        calls += 1;
        await gate;
        return stats(calls);
      },
    } satisfies Partial<Handlers>;
    const handlers = withReadCache(base as unknown as Handlers, createMemoryCache(), {
      generation: { subscribe: () => () => undefined },
    });
    const answers = Array.from({ length: 20 }, () => handlers.getStats({}));
    await Promise.resolve();
    release();
    const results = await Promise.all(answers);
    expect(calls).toBe(1);
    expect(results.every((r) => r.total_nodes === 1)).toBe(true);
    expect((await handlers.getStats({})).total_nodes).toBe(1);
  });
});

describe('withReadCache and callers that give up', () => {
  function shared() {
    const signals: AbortSignal[] = [];
    const base = {
      getStats: () => {
        const { signal } = currentClient();
        if (signal) signals.push(signal);
        return new Promise<StatsResponse>((resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('stopped')));
          setTimeout(() => resolve(stats(1)), 200);
        });
      },
    } satisfies Partial<Handlers>;
    const handlers = withReadCache(base as unknown as Handlers, createMemoryCache(), {
      generation: { subscribe: () => () => undefined },
    });
    const ask = (signal?: AbortSignal) =>
      withClient({ client: 'rest', ...(signal && { signal }) }, () => handlers.getStats({}));
    return { signals, ask };
  }

  it('keeps a shared read going while one of its callers still waits', async () => {
    const { signals, ask } = shared();
    const first = new AbortController();
    const second = new AbortController();
    const a = ask(first.signal).catch(() => 'stopped');
    const b = ask(second.signal);
    await new Promise((resolve) => setTimeout(resolve, 10));
    first.abort();
    expect(signals).toHaveLength(1);
    expect(signals[0]?.aborted).toBe(false);
    expect((await b).total_nodes).toBe(1);
    expect(await a).not.toBe('stopped');
  });

  it('gives the read up once every caller has', async () => {
    const { signals, ask } = shared();
    const callers = [new AbortController(), new AbortController()];
    const answers = callers.map((c) => ask(c.signal).catch(() => 'stopped'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    for (const c of callers) c.abort();
    expect(signals[0]?.aborted).toBe(true);
    expect(await Promise.all(answers)).toEqual(['stopped', 'stopped']);
  });

  it('never gives up a read that a caller without a signal waits for', async () => {
    const { signals, ask } = shared();
    const caller = new AbortController();
    const a = ask(caller.signal).catch(() => 'stopped');
    const b = ask();
    await new Promise((resolve) => setTimeout(resolve, 10));
    caller.abort();
    expect(signals[0]?.aborted).toBe(false);
    expect((await b).total_nodes).toBe(1);
    await a;
  });
});

describe('withReadCache and bookmarks', () => {
  it('never serves an entry whose read did not wait for a bookmark the request carries', async () => {
    const waited: (readonly string[])[] = [];
    let total = 0;
    const base = {
      getStats: () => {
        waited.push(awaitedBookmarks());
        return Promise.resolve(stats(total));
      },
    } satisfies Partial<Handlers>;
    const cache = createMemoryCache();
    const handlers = withReadCache(base as unknown as Handlers, cache, {
      generation: { subscribe: () => () => undefined },
    });
    const statsWith = (bookmarks: string[]) =>
      withinBookmarkScope(bookmarks, () => handlers.getStats({}));

    await statsWith([]);
    total = 1;
    // A write this cache never heard of (another process's): the entry cannot vouch for it.
    expect((await statsWith(['elsewhere'])).total_nodes).toBe(1);
    expect(waited.at(-1)).toEqual(['elsewhere']);
    // The fresh entry waited for it, so it serves that bookmark (and requests without any).
    total = 2;
    expect((await statsWith(['elsewhere'])).total_nodes).toBe(1);
    expect((await statsWith([])).total_nodes).toBe(1);
    expect(waited).toHaveLength(2);

    // After a write through the cache, every fill waits for its bookmark, so entries can serve
    // clients that carry it.
    await cache.invalidate(['mine']);
    expect((await statsWith([])).total_nodes).toBe(2);
    expect(waited.at(-1)).toEqual(['mine']);
    total = 3;
    expect((await statsWith(['mine'])).total_nodes).toBe(2);
    expect(waited).toHaveLength(3);
  });
});
