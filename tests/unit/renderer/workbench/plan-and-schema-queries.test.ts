import { describe, expect, it } from 'vitest';
import type { PlanOperator } from '../../../../src/shared/api';
import { costliest } from '../../../../src/renderer/src/features/workbench/plan';
import { labelQuery, typeQuery } from '../../../../src/renderer/src/features/workbench/schema';

const op = (over: Partial<PlanOperator>): PlanOperator => ({
  operator: 'Op',
  details: '',
  estimated_rows: null,
  rows: null,
  db_hits: null,
  identifiers: [],
  children: [],
  ...over,
});

describe('the costliest operator', () => {
  it('is the one with most db hits once profiled', () => {
    const plan = [
      op({ db_hits: 0, estimated_rows: 900 }),
      op({ db_hits: 120, estimated_rows: 5 }),
      op({ db_hits: 40, estimated_rows: 50 }),
    ];
    expect(costliest(plan)).toBe(1);
  });

  it('is the one with most estimated rows for EXPLAIN', () => {
    expect(costliest([op({ estimated_rows: 3 }), op({}), op({ estimated_rows: 70 })])).toBe(2);
  });

  it('is none for an empty plan', () => {
    expect(costliest([])).toBeNull();
  });
});

describe('schema click queries', () => {
  it('quote the name, doubling a backtick', () => {
    expect(labelQuery('COMPANY')).toBe('MATCH (n:`COMPANY`)\nRETURN n LIMIT 25');
    expect(labelQuery('we`ird')).toContain('(n:`we``ird`)');
    expect(typeQuery('OWNS')).toBe('MATCH p = ()-[r:`OWNS`]->()\nRETURN p LIMIT 25');
  });
});
