/** GET /api/v1/settings: the configuration clients act on, and nothing secret. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServerSettings } from '../../../src/shared/api';
import { APP_VERSION } from '../../../src/main/version';
import { harness, type Harness } from './harness';

const SECRET = 'settings-test-secret-3f9a';
let h: Harness;

beforeAll(() => {
  h = harness(
    {
      NEO4J_PASSWORD: SECRET,
      MAX_CONSULTANTS_PER_REGION: '7',
      MAX_PRODUCTS_PER_COMPANY: '3',
      DEFAULT_REGION_SIZE: '1234',
      ALLOW_WRITE_QUERIES: 'true',
      QUERY_ROW_CAP: '99',
    },
    { regions: 2 },
  );
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/v1/settings', () => {
  it('answers the configured regions, bounds and caps', async () => {
    const res = await request(h.app).get('/api/v1/settings').expect(200);
    expect(ServerSettings.parse(res.body)).toEqual({
      version: APP_VERSION,
      protection: 'free',
      regions: h.regions,
      max_consultants_per_region: 7,
      max_field_consultants_per_consultant: 5,
      max_companies_per_field: 10,
      max_products_per_company: 3,
      default_region_size: 1234,
      allow_write_queries: true,
      query_timeout_ms: 30_000,
      query_row_cap: 99,
    });
  });

  it('never carries connection details or secrets', async () => {
    const res = await request(h.app).get('/api/v1/settings').expect(200);
    expect(res.text).not.toContain(SECRET);
    expect(res.text).not.toMatch(/password|token|bolt:|neo4j:\/\//i);
  });

  it('is listed in the OpenAPI document with its schema', async () => {
    const res = await request(h.app).get('/openapi.json').expect(200);
    const body = res.body as {
      paths: Record<string, { get?: { operationId?: string } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(body.paths['/api/v1/settings']?.get?.operationId).toBe('getSettings');
    expect(Object.keys(body.components.schemas)).toContain('ServerSettings');
  });
});
