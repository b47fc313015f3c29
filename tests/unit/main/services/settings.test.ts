import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/main/config/env';
import { createSettingsService } from '../../../../src/main/services/settings';
import { ServerSettings } from '../../../../src/shared/api';

describe('settings service', () => {
  it('answers the defaults of an empty configuration', async () => {
    const settings = await createSettingsService(parseConfig({}), '1.2.3').getSettings();
    expect(ServerSettings.parse(settings)).toEqual({
      version: '1.2.3',
      protection: 'free',
      regions: ['NAI', 'EMEA', 'APAC'],
      max_consultants_per_region: 50,
      max_field_consultants_per_consultant: 5,
      max_companies_per_field: 10,
      max_products_per_company: 8,
      default_region_size: 5000,
      allow_write_queries: false,
      query_timeout_ms: 30_000,
      query_row_cap: 10_000,
    });
  });

  it('copies only what clients need, and a caller cannot change what the next one sees', async () => {
    const config = parseConfig({
      REGIONS: 'NAI,LATAM',
      API_TOKEN: 'tok-secret',
      NEO4J_PASSWORD: 'pw-secret',
      NEO4J_URI: 'bolt://db.example:7687',
    });
    const service = createSettingsService(config, '1.0.0');
    const first = await service.getSettings();
    expect(JSON.stringify(first)).not.toMatch(/secret|db\.example/);
    first.regions.push('APAC');
    expect((await service.getSettings()).regions).toEqual(['NAI', 'LATAM']);
  });
});
