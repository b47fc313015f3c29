/**
 * A generate request resolved against the defaults and checked against the configured bounds,
 * before anything is written.
 */
import { randomInt } from 'node:crypto';
import type { GenerateRequest } from '../../../shared/api';
import { AppError, type ErrorDetail } from '../../../shared/errors';
import type { Config } from '../../config/env';
import { assertRegionsConfigured } from '../regions';

export type GenerationParams = {
  regions: string[];
  consultantsPerRegion: number;
  fieldConsultantsPerConsultant: number;
  companiesPerFieldConsultant: number;
  productsPerCompany: number;
  incumbentsPerCompany: number;
  directCoverageProbability: number;
  ratingProbability: number;
  recommendationProbability: number;
  seed: number;
  mode: 'append' | 'replace';
  batchSize: number;
};

/**
 * Defaults chosen so that the totals match the seed README's size table: 24 nodes and about 43
 * relationships per consultant (the table says 24 and 48; within its ±25%). The sizes are means;
 * the structure spreads them unevenly over consultants and companies.
 */
export const GENERATION_DEFAULTS = {
  consultants_per_region: 10,
  field_consultants_per_consultant: 2,
  companies_per_field_consultant: 3,
  products_per_company: 2,
  incumbents_per_company: 1,
  direct_coverage_probability: 0.3,
  rating_probability: 0.6,
  recommendation_probability: 0.6,
} as const;

export type BoundedField =
  | 'consultants_per_region'
  | 'field_consultants_per_consultant'
  | 'companies_per_field_consultant'
  | 'products_per_company'
  | 'incumbents_per_company';

/** Which configuration variable bounds each field (incumbents share the products bound). */
export const FIELD_BOUNDS = {
  consultants_per_region: 'MAX_CONSULTANTS_PER_REGION',
  field_consultants_per_consultant: 'MAX_FIELD_CONSULTANTS_PER_CONSULTANT',
  companies_per_field_consultant: 'MAX_COMPANIES_PER_FIELD',
  products_per_company: 'MAX_PRODUCTS_PER_COMPANY',
  incumbents_per_company: 'MAX_PRODUCTS_PER_COMPANY',
} as const satisfies Record<BoundedField, keyof Config>;

/** The configuration variables that bound generation. */
export type BoundVariable = (typeof FIELD_BOUNDS)[BoundedField];

/**
 * The size a field takes when the request leaves it out: its default, within the configured
 * bound (so that a server configured with small bounds still generates when given no sizes).
 */
export function defaultSize(field: BoundedField, config: Pick<Config, BoundVariable>): number {
  return Math.min(GENERATION_DEFAULTS[field], config[FIELD_BOUNDS[field]]);
}

function checkBounds(values: Record<BoundedField, number>, config: Config): void {
  const details: ErrorDetail[] = [];
  for (const [field, variable] of Object.entries(FIELD_BOUNDS) as [BoundedField, keyof Config][]) {
    const bound = Number(config[variable]);
    if (values[field] > bound)
      details.push({
        field,
        bound,
        message: `${field} is ${values[field]}, above the bound ${bound} (${variable})`,
      });
  }
  const first = details[0];
  if (first) throw new AppError('BOUND_EXCEEDED', first.message, details);
}

function checkRegions(regions: string[], config: Config): void {
  assertRegionsConfigured(config, regions);
  if (new Set(regions).size !== regions.length)
    throw new AppError('VALIDATION_ERROR', 'regions: a region is listed twice', [
      { field: 'regions', message: 'duplicate region' },
    ]);
}

export function resolveParams(request: GenerateRequest, config: Config): GenerationParams {
  const d = GENERATION_DEFAULTS;
  const regions = request.regions ?? [...config.REGIONS];
  checkRegions(regions, config);
  const size = (field: BoundedField): number => request[field] ?? defaultSize(field, config);
  const sizes = {
    consultants_per_region: size('consultants_per_region'),
    field_consultants_per_consultant: size('field_consultants_per_consultant'),
    companies_per_field_consultant: size('companies_per_field_consultant'),
    products_per_company: size('products_per_company'),
    incumbents_per_company: size('incumbents_per_company'),
  };
  checkBounds(sizes, config);
  return {
    regions,
    consultantsPerRegion: sizes.consultants_per_region,
    fieldConsultantsPerConsultant: sizes.field_consultants_per_consultant,
    companiesPerFieldConsultant: sizes.companies_per_field_consultant,
    productsPerCompany: sizes.products_per_company,
    incumbentsPerCompany: sizes.incumbents_per_company,
    directCoverageProbability: request.direct_coverage_probability ?? d.direct_coverage_probability,
    ratingProbability: request.rating_probability ?? d.rating_probability,
    recommendationProbability: request.recommendation_probability ?? d.recommendation_probability,
    seed: request.seed ?? randomInt(0, 2 ** 31 - 1),
    mode: request.mode,
    batchSize: request.batch_size ?? config.GENERATOR_BATCH_SIZE,
  };
}
