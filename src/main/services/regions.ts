/**
 * The one rule for region codes in requests: a region must be configured (REGIONS). A region in
 * a path names a resource, so an unknown one is NOT_FOUND (404); a region in a body or a query
 * string is a value, so an unknown one is VALIDATION_ERROR (400) naming the field. A list of
 * regions must name at least one: an empty list never widens to "every region".
 */
import { AppError, type ErrorDetail } from '../../shared/errors';
import type { Config } from '../config/env';

type Regions = Pick<Config, 'REGIONS'>;

const configured = (config: Regions): string => config.REGIONS.join(', ');

/** A region named in a path, such as `/graph/region/{region}`. */
export function assertRegionExists(config: Regions, region: string): void {
  if (config.REGIONS.includes(region)) return;
  const known = configured(config);
  throw new AppError('NOT_FOUND', `Unknown region ${region}; known regions: ${known}.`, [
    { field: 'region', message: `must be one of ${known}` },
  ]);
}

/** Regions given as a field's value: one region, or a list that names at least one. */
export function assertRegionsConfigured(
  config: Regions,
  regions: string | readonly string[] | undefined,
  field = 'regions',
): void {
  if (regions === undefined) return;
  const list = typeof regions === 'string' ? [regions] : regions;
  if (list.length === 0)
    throw new AppError('VALIDATION_ERROR', `${field}: name at least one region`, [
      { field, message: 'an empty list selects no region; leave the field out instead' },
    ]);
  const unknown = list.filter((region) => !config.REGIONS.includes(region));
  const details: ErrorDetail[] = unknown.map((region) => ({
    field,
    message: `${region} is not a configured region (REGIONS is ${configured(config)})`,
  }));
  if (details.length > 0)
    throw new AppError(
      'VALIDATION_ERROR',
      `${field}: ${unknown.join(', ')} not configured (REGIONS is ${configured(config)})`,
      details,
    );
}
