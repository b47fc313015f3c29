import { describe, expect, it } from 'vitest';
import {
  deleteQuery,
  hasQuery,
  saveQuery,
  type SavedQuery,
} from '../../../../src/renderer/src/features/workbench/saved-queries';

const q = (name: string, query = 'RETURN 1'): SavedQuery => ({
  name,
  query,
  parameters: {},
  saved_at: '2025-01-31T12:00:00.000Z',
});

describe('saved queries', () => {
  it('are kept sorted by name', () => {
    const list = saveQuery(saveQuery([], q('Zeta')), q('alpha'));
    expect(list.map((s) => s.name)).toEqual(['alpha', 'Zeta']);
  });

  it('replace one of the same name, ignoring case and spaces', () => {
    const list = saveQuery(saveQuery([], q('At risk')), q(' at RISK ', 'RETURN 2'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'at RISK', query: 'RETURN 2' });
    expect(hasQuery(list, 'AT RISK')).toBe(true);
  });

  it('are deleted by name', () => {
    const list = deleteQuery(saveQuery(saveQuery([], q('a')), q('b')), 'A');
    expect(list.map((s) => s.name)).toEqual(['b']);
  });
});
