import { describe, expect, it } from 'vitest';
import { formatValue, propertyRows } from '../../../src/renderer/src/features/details/format';
import {
  groupRelationships,
  summarise,
} from '../../../src/renderer/src/features/details/relationship-summary';
import {
  createConvergenceDetector,
  meanRelativeMovement,
} from '../../../src/renderer/src/features/network/convergence';
import { parseNodeKey } from '../../../src/renderer/src/state/node-key';
import { ViewState, DEFAULT_VIEW } from '../../../src/renderer/src/state/view-state';
import { c1, co1, f1, p1, rel } from './fixtures';

describe('details formatting', () => {
  it('formats money, flags and numbers, and hides header fields', () => {
    expect(formatValue('aum', 1_500_000_000)).toBe('$1.5B');
    expect(formatValue('multi_mandate_manager', true)).toBe('Yes');
    expect(formatValue('performance', 87)).toBe('87');
    expect(formatValue('universe_score', 3.14159)).toBe('3.14');
    expect(propertyRows({ id: 'x', name: 'n', region: 'NAI', channel: 'Direct' })).toEqual([
      { key: 'channel', title: 'Channel', text: 'Direct' },
    ]);
  });

  it('groups relationships: the parent consultant, coverage, ratings', () => {
    const groups = groupRelationships(f1.key, [
      rel('a', 'EMPLOYS', c1, f1, { start_date: '2020-01-01', duration: 3 }),
      rel('b', 'COVERS', f1, co1, { level_of_influence: 4, coverage_type: 'Primary' }),
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Parent consultant', 'Covers']);
    expect(groups[0]?.rows[0]?.other).toBe(c1.key);
    const rating = rel('r', 'RATES', c1, p1, {
      rating: 'Positive',
      rankvalue: 'High',
      rankorder: 2,
    });
    expect(groupRelationships(p1.key, [rating])[0]?.title).toBe('Ratings');
    expect(summarise(rating)).toBe('Positive · rankvalue High · rankorder 2');
  });
});

describe('layout convergence', () => {
  it('measures movement relative to the drawing and waits for calm checks', () => {
    const a = new Map([
      ['n1', { x: 0, y: 0 }],
      ['n2', { x: 100, y: 0 }],
    ]);
    const b = new Map([
      ['n1', { x: 1, y: 0 }],
      ['n2', { x: 101, y: 0 }],
    ]);
    expect(meanRelativeMovement(a, b)).toBeCloseTo(0.01);
    const settled = createConvergenceDetector(0.02, 2);
    expect(settled(0.01)).toBe(false);
    expect(settled(0.5)).toBe(false);
    expect(settled(0.01)).toBe(false);
    expect(settled(0.001)).toBe(true);
  });
});

describe('node keys and view state', () => {
  it('parses LABEL:id keys, ids may hold colons', () => {
    expect(parseNodeKey('COMPANY:NAI:X-1')).toEqual({ label: 'COMPANY', id: 'NAI:X-1' });
    expect(parseNodeKey('NOPE:1')).toBeNull();
    expect(parseNodeKey('COMPANY:')).toBeNull();
  });

  it('validates a serialised view and rejects a malformed one', () => {
    const view = {
      ...DEFAULT_VIEW,
      filters: { regions: ['NAI'] },
      camera: { x: 0.5, y: 0.5, ratio: 1, angle: 0 },
    };
    expect(ViewState.parse(JSON.parse(JSON.stringify(view)))).toEqual(view);
    expect(ViewState.safeParse({ ...view, mode: 'sideways' }).success).toBe(false);
  });
});
