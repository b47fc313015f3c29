import { describe, expect, it } from 'vitest';
import {
  addToHistory,
  HISTORY_KEY,
  QueryHistory,
  searchHistory,
  type HistoryEntry,
} from '../../../../src/renderer/src/features/workbench/history';
import { readStored, writeStored } from '../../../../src/renderer/src/features/workbench/storage';

const entry = (query: string, parameters = {}, ok = true): HistoryEntry => ({
  query,
  parameters,
  ran_at: '2025-01-31T12:00:00.000Z',
  ok,
  rows: ok ? 1 : null,
  elapsed_ms: ok ? 3 : null,
});

const memoryStore = () => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};

describe('query history', () => {
  it('puts the newest run first and moves a repeated run to the top', () => {
    let h = addToHistory([], entry('MATCH (a) RETURN a'));
    h = addToHistory(h, entry('MATCH (b) RETURN b'));
    h = addToHistory(h, entry('MATCH (a) RETURN a '));
    expect(h.map((e) => e.query)).toEqual(['MATCH (a) RETURN a ', 'MATCH (b) RETURN b']);
  });

  it('keeps runs of one query with different parameters apart', () => {
    const h = addToHistory(
      addToHistory([], entry('RETURN $x', { x: 1 })),
      entry('RETURN $x', { x: 2 }),
    );
    expect(h).toHaveLength(2);
  });

  it('is bounded', () => {
    let h: HistoryEntry[] = [];
    for (let i = 0; i < 10; i++) h = addToHistory(h, entry(`RETURN ${i}`), 5);
    expect(h.map((e) => e.query)).toEqual([
      'RETURN 9',
      'RETURN 8',
      'RETURN 7',
      'RETURN 6',
      'RETURN 5',
    ]);
  });

  it('finds entries holding every search term, ignoring case', () => {
    const h = [entry('MATCH (c:CONSULTANT) RETURN c'), entry('MATCH (p:PRODUCT) RETURN p')];
    expect(searchHistory(h, 'consultant return')).toEqual([h[0]]);
    expect(searchHistory(h, '  ')).toEqual(h);
    expect(searchHistory(h, 'company')).toEqual([]);
  });

  it('survives storage: written, read back, and a corrupt value reads as empty', () => {
    const store = memoryStore();
    const h = addToHistory([], entry('RETURN 1'));
    expect(writeStored(store, HISTORY_KEY, h)).toBe(true);
    expect(readStored(store, HISTORY_KEY, QueryHistory, [])).toEqual(h);
    store.data.set(HISTORY_KEY, '{not json');
    expect(readStored(store, HISTORY_KEY, QueryHistory, [])).toEqual([]);
    store.data.set(HISTORY_KEY, JSON.stringify([{ query: 1 }]));
    expect(readStored(store, HISTORY_KEY, QueryHistory, [])).toEqual([]);
  });

  it('reports a full store instead of throwing', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(writeStored(full, HISTORY_KEY, [])).toBe(false);
  });
});
