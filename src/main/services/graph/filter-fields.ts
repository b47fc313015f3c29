/**
 * Which filter fields a request sets, whether they apply in its mode, and their Cypher
 * parameters. A field is set when it is given: the request schema refuses empty lists, so none
 * can be read as "no restriction". A field with no element in the mode's paths is refused,
 * never ignored.
 */
import neo4j from 'neo4j-driver';
import { MODE_FILTER_FIELDS, RANGE_FILTERS, type FilterRequest } from '../../../shared/api';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import { PATH_CONDITIONS, type PathFilterField } from '../../db/cypher/paths';

/** Every path filter field of any mode (one list: MODE_FILTER_FIELDS). */
const PATH_FIELDS: readonly PathFilterField[] = [
  ...new Set([...MODE_FILTER_FIELDS.standard, ...MODE_FILTER_FIELDS.recommendations]),
];

export function setFields(filter: FilterRequest): PathFilterField[] {
  return PATH_FIELDS.filter((field) => filter[field] !== undefined);
}

export function checkFilter(filter: FilterRequest, fields: readonly PathFilterField[]): void {
  const details: ErrorDetail[] = fields
    .filter((field) => !PATH_CONDITIONS[filter.mode][field])
    .map((field) => ({ field, message: `does not apply in ${filter.mode} mode` }));
  // ISO days compare as text in the order of the days.
  for (const { min, max } of Object.values(RANGE_FILTERS)) {
    const low = filter[min];
    const high = filter[max];
    if (low !== undefined && high !== undefined && low > high)
      details.push({ field: min, message: `must not exceed ${max}` });
  }
  const first = details[0];
  if (first)
    throw new AppError(
      'VALIDATION_ERROR',
      `Filter is invalid (${first.field ?? 'filter'}: ${first.message})`,
      details,
    );
}

/** Parameters of the set fields; stored integers are compared with integers. */
export function filterParameters(
  filter: FilterRequest,
  fields: readonly PathFilterField[],
): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const field of fields) params[field] = filter[field];
  if (filter.influence_levels)
    params.influence_levels = filter.influence_levels.map((level) => neo4j.int(level));
  return params;
}
