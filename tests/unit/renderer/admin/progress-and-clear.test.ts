import { describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../../../src/shared/api';
import {
  type ClearScope,
  clearInput,
  confirmationPhrase,
  isConfirmed,
} from '../../../../src/renderer/src/features/admin/clear-form';
import {
  completeRows,
  etaSeconds,
  formatDuration,
  outcomeText,
  percent,
  recordProgress,
} from '../../../../src/renderer/src/features/admin/progress';

const snapshot = (
  item: string | null,
  phase: 'nodes' | 'relationships' | 'prepare',
  done: number,
  total: number,
  rate = 100,
) => ({
  phase,
  item,
  done,
  total,
  rate,
  elapsed_ms: 10,
});

describe('generation progress', () => {
  it('keeps one row per label or type, updated in place', () => {
    let rows = recordProgress([], snapshot(null, 'prepare', 0, 0));
    expect(rows).toEqual([]);
    rows = recordProgress(rows, snapshot('CONSULTANT', 'nodes', 10, 30));
    rows = recordProgress(rows, snapshot('CONSULTANT', 'nodes', 30, 30));
    rows = recordProgress(rows, snapshot('EMPLOYS', 'relationships', 5, 60, 50));
    expect(rows.map((r) => [r.item, r.done, r.total])).toEqual([
      ['CONSULTANT', 30, 30],
      ['EMPLOYS', 5, 60],
    ]);
  });

  it('shows every label and type of a finished run as complete', () => {
    const rows = recordProgress([], snapshot('CONSULTANT', 'nodes', 0, 2));
    const done = completeRows(rows, {
      generation_id: 'g',
      regions: ['NAI'],
      seed: 1,
      nodes_by_label: { CONSULTANT: 2, COMPANY: 6 },
      relationships_by_type: { EMPLOYS: 4 },
      total_nodes: 8,
      total_relationships: 4,
      seconds: 1,
      replaced: null,
    });
    expect(done.map((r) => [r.item, r.done, r.total])).toEqual([
      ['CONSULTANT', 2, 2],
      ['COMPANY', 6, 6],
      ['EMPLOYS', 4, 4],
    ]);
  });

  it('estimates the time left from the rate', () => {
    expect(etaSeconds({ item: 'X', phase: 'nodes', done: 50, total: 150, rate: 50 })).toBe(2);
    expect(etaSeconds({ item: 'X', phase: 'nodes', done: 5, total: 150, rate: 0 })).toBeNull();
    expect(etaSeconds({ item: 'X', phase: 'nodes', done: 150, total: 150, rate: 0 })).toBe(0);
    expect(formatDuration(2)).toBe('2 s');
    expect(formatDuration(125)).toBe('2 min 5 s');
    expect(formatDuration(null)).toBe('—');
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });

  it('says how a job ended, and that a cancelled run was rolled back', () => {
    const base: GenerationJob = {
      id: 'j',
      status: 'cancelled',
      request: { mode: 'append' },
      progress: null,
      result: null,
      error: { code: 'CANCELLED', message: 'Cancelled' },
      rolled_back: true,
      started_at: '2025-01-01T00:00:00Z',
      finished_at: '2025-01-01T00:00:01Z',
      bookmark: null,
    };
    expect(outcomeText(base)).toMatch(/partial writes were removed/);
    expect(
      outcomeText({
        ...base,
        status: 'failed',
        error: { code: 'INTERNAL', message: 'boom' },
        rolled_back: false,
      }),
    ).toBe('Failed: boom');
  });
});

describe('clear confirmation', () => {
  it('needs the phrase that names the scope', () => {
    const all = { kind: 'all' } as const;
    expect(confirmationPhrase(all)).toBe('delete all');
    expect(isConfirmed(all, ' Delete   ALL ')).toBe(true);
    expect(isConfirmed(all, 'delete')).toBe(false);
    const some: ClearScope = { kind: 'regions', regions: ['NAI', 'APAC'] };
    expect(confirmationPhrase(some)).toBe('delete APAC NAI');
    expect(isConfirmed(some, 'delete APAC NAI')).toBe(true);
    expect(isConfirmed({ kind: 'regions', regions: [] }, 'delete ')).toBe(false);
  });

  it('always sends confirm=true, with regions only when scoped', () => {
    expect(clearInput({ kind: 'all' })).toEqual({ confirm: true });
    expect(clearInput({ kind: 'regions', regions: ['NAI'] })).toEqual({
      confirm: true,
      regions: ['NAI'],
    });
  });

  it('makes no request for a region scope with no region picked (it would delete all)', () => {
    expect(clearInput({ kind: 'regions', regions: [] })).toBeNull();
  });
});
