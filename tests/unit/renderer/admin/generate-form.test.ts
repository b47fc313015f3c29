import { describe, expect, it } from 'vitest';
import {
  applyPreset,
  boundHint,
  estimateNodes,
  GENERATOR_FIELDS,
  generatorFields,
  initialForm,
  presetProblem,
  PRESETS,
  toGenerateRequest,
} from '../../../../src/renderer/src/features/admin/generate-form';

const regions = ['NAI', 'EMEA', 'APAC'];

describe('generate form', () => {
  it('starts from the server defaults and makes a valid request', () => {
    const result = toGenerateRequest(initialForm(regions));
    expect('request' in result && result.request).toMatchObject({
      regions,
      consultants_per_region: 10,
      products_per_company: 2,
      rating_probability: 0.6,
      mode: 'append',
    });
  });

  it('covers every generator field of the request schema', () => {
    expect(GENERATOR_FIELDS.map((f) => f.key).sort()).toEqual(
      [
        'companies_per_field_consultant',
        'consultants_per_region',
        'direct_coverage_probability',
        'field_consultants_per_consultant',
        'incumbents_per_company',
        'products_per_company',
        'rating_probability',
        'recommendation_probability',
      ].sort(),
    );
  });

  it('presets follow the size table, linear in consultants', () => {
    const medium = applyPreset(initialForm(regions), 'medium');
    expect(medium.values.consultants_per_region).toBe('50');
    expect(estimateNodes(applyPreset(initialForm(regions), 'small'))).toBe(720);
    expect(estimateNodes(medium)).toBe(3_600);
    expect(estimateNodes(applyPreset(initialForm(regions), 'large'))).toBe(7_200);
  });

  it('names each field at fault', () => {
    const form = initialForm([]);
    form.values.consultants_per_region = '0';
    form.values.products_per_company = '2.5';
    form.values.rating_probability = '1.5';
    form.values.field_consultants_per_consultant = '';
    form.seed = '-1';
    const result = toGenerateRequest(form);
    expect(result).toEqual({
      errors: {
        regions: 'choose at least one region',
        consultants_per_region: 'at least 1',
        products_per_company: 'a whole number',
        rating_probability: 'between 0 and 1',
        field_consultants_per_consultant: 'required',
        seed: 'a whole number from 0 to 2147483647',
      },
    });
  });

  it('passes a seed and replace mode', () => {
    const result = toGenerateRequest({ ...initialForm(['NAI']), seed: '42', mode: 'replace' });
    expect('request' in result && result.request).toMatchObject({ seed: 42, mode: 'replace' });
  });

  it('leaves upper bounds to the server but says which variable sets them', () => {
    const spec = GENERATOR_FIELDS[0]!;
    expect(toGenerateRequest(applyPreset(initialForm(regions), 'large'))).toHaveProperty('request');
    expect(boundHint(spec, '100')).toMatch(/MAX_CONSULTANTS_PER_REGION/);
    expect(boundHint(spec, '50')).toBeNull();
  });
});

describe('generate form with the server settings', () => {
  const settings = {
    version: '0.3.0',
    regions: ['NAI', 'LATAM'],
    max_consultants_per_region: 20,
    max_field_consultants_per_consultant: 3,
    max_companies_per_field: 4,
    max_products_per_company: 2,
    default_region_size: 5000,
    protection: 'free' as const,
    allow_write_queries: false,
    query_timeout_ms: 30_000,
    query_row_cap: 10_000,
  };
  const fields = generatorFields(settings);
  const max = (key: string) => fields.find((f) => f.key === key)?.max;

  it('shows the server bounds in place of the defaults', () => {
    expect(generatorFields(null)).toBe(GENERATOR_FIELDS);
    expect(max('consultants_per_region')).toBe(20);
    expect(max('field_consultants_per_consultant')).toBe(3);
    expect(max('companies_per_field_consultant')).toBe(4);
    expect(max('products_per_company')).toBe(2);
    // Incumbents share the products bound, as on the server.
    expect(max('incumbents_per_company')).toBe(2);
    expect(max('rating_probability')).toBe(1);
  });

  it('refuses counts over a known bound before anything is sent, naming the variable', () => {
    const form = initialForm(settings.regions);
    form.values.consultants_per_region = '21';
    form.values.products_per_company = '3';
    expect(toGenerateRequest(form, fields)).toEqual({
      errors: {
        consultants_per_region: 'at most 20 (MAX_CONSULTANTS_PER_REGION)',
        products_per_company: 'at most 2 (MAX_PRODUCTS_PER_COMPANY)',
      },
    });
    form.values.consultants_per_region = '20';
    form.values.products_per_company = '2';
    expect(toGenerateRequest(form, fields)).toHaveProperty('request.consultants_per_region', 20);
    expect(boundHint(fields[0]!, '21')).toBe(
      "Above this server's limit of 20 (MAX_CONSULTANTS_PER_REGION).",
    );
  });

  it('offers only the presets the server accepts', () => {
    expect(PRESETS.map((p) => presetProblem(p, fields))).toEqual([
      null,
      "Above this server's limit of 20 consultants per region (MAX_CONSULTANTS_PER_REGION)",
      "Above this server's limit of 20 consultants per region (MAX_CONSULTANTS_PER_REGION)",
    ]);
    expect(PRESETS.map((p) => presetProblem(p, GENERATOR_FIELDS))).toEqual([null, null, null]);
  });
});
