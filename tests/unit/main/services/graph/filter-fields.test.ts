import { describe, expect, it } from 'vitest';
import { FilterRequest, type FilterInput } from '../../../../../src/shared/api';
import {
  checkFilter,
  filterParameters,
  setFields,
} from '../../../../../src/main/services/graph/filter-fields';
import { PATH_CONDITIONS } from '../../../../../src/main/db/cypher/paths';

const parse = (input: FilterInput) => FilterRequest.parse(input);

describe('filter fields', () => {
  it('counts only fields with values as set', () => {
    const filter = parse({ regions: ['NAI'], ratings: null, node_types: ['PRODUCT'], limit: 5 });
    expect(setFields(filter)).toEqual(['regions']);
    expect(setFields(parse({ fc_total_plan_assets_min: 0 }))).toEqual(['fc_total_plan_assets_min']);
  });

  it('refuses an empty list by name instead of reading it as "no restriction"', () => {
    const parsed = FilterRequest.safeParse({ regions: ['NAI'], ratings: [] });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['ratings']);
  });

  it('gives every filter field of the request an element in at least one mode', () => {
    const pathFields = Object.keys(FilterRequest.shape).filter(
      (f) => !['mode', 'limit', 'totals', 'node_types'].includes(f),
    );
    const covered = new Set(
      Object.values(PATH_CONDITIONS).flatMap((conditions) => Object.keys(conditions)),
    );
    expect(pathFields.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('refuses fields without an element in the mode, naming each', () => {
    const filter = parse({ mode: 'recommendations', ratings: ['Positive'], consultant_ids: ['x'] });
    expect(() => checkFilter(filter, setFields(filter))).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        details: [
          { field: 'ratings', message: 'does not apply in recommendations mode' },
          { field: 'consultant_ids', message: 'does not apply in recommendations mode' },
        ],
      }),
    );
  });

  it('refuses an inverted assets range', () => {
    const filter = parse({ fc_total_plan_assets_min: 10, fc_total_plan_assets_max: 1 });
    expect(() => checkFilter(filter, setFields(filter))).toThrow(/fc_total_plan_assets_min/);
  });

  it('passes influence levels as integers', () => {
    const filter = parse({ influence_levels: [4], regions: ['NAI'] });
    const params = filterParameters(filter, setFields(filter));
    expect(params.regions).toEqual(['NAI']);
    expect(String(params.influence_levels)).toBe('4');
    expect(Object.keys(params).sort()).toEqual(['influence_levels', 'regions']);
  });
});
