import { describe, expect, it } from 'vitest';
import {
  GENERATION_DEFAULTS,
  resolveParams,
} from '../../../../../src/main/services/generation/params';
import { GenerateRequest } from '../../../../../src/shared/api';
import { AppError } from '../../../../../src/shared/errors';
import { config } from './helpers';

const request = (input: object) => GenerateRequest.parse(input);

describe('generation parameters', () => {
  it('fills the defaults and the configured regions and batch size', () => {
    const params = resolveParams(request({}), config({ GENERATOR_BATCH_SIZE: '1234' }));
    expect(params).toMatchObject({
      regions: ['NAI', 'EMEA', 'APAC'],
      consultantsPerRegion: GENERATION_DEFAULTS.consultants_per_region,
      fieldConsultantsPerConsultant: 2,
      companiesPerFieldConsultant: 3,
      productsPerCompany: 2,
      incumbentsPerCompany: 1,
      mode: 'append',
      batchSize: 1234,
    });
    expect(Number.isInteger(params.seed)).toBe(true);
  });

  it('keeps the defaults within configured bounds smaller than them', () => {
    const bounds = {
      MAX_CONSULTANTS_PER_REGION: '3',
      MAX_FIELD_CONSULTANTS_PER_CONSULTANT: '1',
      MAX_COMPANIES_PER_FIELD: '2',
      MAX_PRODUCTS_PER_COMPANY: '1',
    };
    expect(resolveParams(request({}), config(bounds))).toMatchObject({
      consultantsPerRegion: 3,
      fieldConsultantsPerConsultant: 1,
      companiesPerFieldConsultant: 2,
      productsPerCompany: 1,
      incumbentsPerCompany: 1,
    });
  });

  it('keeps a given seed and batch size', () => {
    const params = resolveParams(request({ seed: 42, batch_size: 10 }), config());
    expect(params.seed).toBe(42);
    expect(params.batchSize).toBe(10);
  });

  it('refuses a request above a bound, naming the field and the bound', () => {
    const error = (() => {
      try {
        resolveParams(
          request({ consultants_per_region: 51, products_per_company: 9 }),
          config({ MAX_CONSULTANTS_PER_REGION: '50' }),
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /consultants_per_region.*50.*MAX_CONSULTANTS_PER_REGION/,
    );
    expect(error).toMatchObject({
      code: 'BOUND_EXCEEDED',
      details: [
        { field: 'consultants_per_region', bound: 50 },
        { field: 'products_per_company', bound: 8 },
      ],
    });
  });

  it.each([
    ['field_consultants_per_consultant', 6, 'MAX_FIELD_CONSULTANTS_PER_CONSULTANT'],
    ['companies_per_field_consultant', 11, 'MAX_COMPANIES_PER_FIELD'],
    ['incumbents_per_company', 9, 'MAX_PRODUCTS_PER_COMPANY'],
  ])('bounds %s by %s', (field, value, variable) => {
    expect(() => resolveParams(request({ [field]: value }), config())).toThrow(variable);
    expect(() => resolveParams(request({ [field]: value }), config())).toThrow(
      expect.objectContaining({ code: 'BOUND_EXCEEDED' }),
    );
  });

  it('keeps the default consultant count within a lower bound', () => {
    const params = resolveParams(request({}), config({ MAX_CONSULTANTS_PER_REGION: '4' }));
    expect(params.consultantsPerRegion).toBe(4);
  });

  it('refuses regions that are not configured, naming the field', () => {
    expect(() => resolveParams(request({ regions: ['NAI', 'MARS'] }), config())).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        details: [expect.objectContaining({ field: 'regions' })],
      }),
    );
    expect(() => resolveParams(request({ regions: ['NAI', 'NAI'] }), config())).toThrow(
      expect.objectContaining({ code: 'VALIDATION_ERROR' }),
    );
  });
});
