import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redo,
  undo,
} from '../../../src/renderer/src/graph/history';

describe('exploration history', () => {
  it('undoes and redoes in order, and a new step drops the redo branch', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe('c');
    h = pushHistory(undo(h), 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(undo(undo(undo(h))).present).toBe('a');
    expect(canUndo(createHistory(1))).toBe(false);
  });

  it('is bounded, and undo after redo is identity (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), (steps) => {
        let h = createHistory(-1);
        for (const s of steps) h = pushHistory(h, s, 10);
        expect(h.past.length).toBeLessThanOrEqual(10);
        expect(h.present).toBe(steps[steps.length - 1]);
        const back = undo(h);
        expect(redo(back)).toEqual(h);
      }),
    );
  });
});
