/**
 * What the OpenAPI document says, checked against the server's own rules: every value the API
 * sends validates against its schema (nulls inside JSON values included), configured values and
 * bounds appear as enums and maxima, every required body is required, the errors each route can
 * answer with are listed, links point at real parameters, and security is declared only when a
 * token is configured.
 */
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument, toOpenApiPath } from '../../../../src/main/api/openapi';
import { parseConfig } from '../../../../src/main/config/env';
import { FIELD_BOUNDS } from '../../../../src/main/services/generation/params';
import type { PathFilterField } from '../../../../src/main/db/cypher/paths';
import { checkFilter, setFields } from '../../../../src/main/services/graph/filter-fields';
import {
  FilterRequest,
  type FilterInput,
  type GenerationJob,
  type QueryResponse,
} from '../../../../src/shared/api';
import {
  ASSET_CLASSES,
  CHANNELS,
  OPPORTUNITY_TYPES,
  SALES_REGIONS,
} from '../../../../src/shared/domain';
import { contract, OPERATION_NAMES } from '../../../../src/shared/contract';
import { schemaValidator, validateOpenApi } from '../../../support/openapi-check';

type Json = Record<string, unknown>;
type Parameter = { name: string; in: string; schema: Json };
type Operation = {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Json }> };
  responses: Record<string, { content?: Record<string, { schema: Json }>; links?: Json }>;
};

const documentFor = (env: Record<string, string> = {}) =>
  createOpenApiDocument({ config: parseConfig(env), version: 'test' });

function operations(document: unknown): [string, string, Operation][] {
  const paths = (document as { paths: Record<string, Record<string, Operation>> }).paths;
  return Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]): [string, string, Operation] => [method, path, op]),
  );
}

function operation(document: unknown, id: string): Operation {
  const found = operations(document).find(([, , op]) => op.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found[2];
}

const job: GenerationJob = {
  id: 'job-1',
  status: 'running',
  request: { regions: ['NAI'], mode: 'append' },
  progress: null,
  result: null,
  error: null,
  rolled_back: false,
  started_at: '2024-01-01T00:00:00.000Z',
  finished_at: null,
  bookmark: null,
};

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document, with and without a token', () => {
    expect(validateOpenApi(documentFor())).toEqual([]);
    expect(validateOpenApi(documentFor({ API_TOKEN: 'secret-token' }))).toEqual([]);
    // The specification's schema does bite: a field OpenAPI 3.1 has no place for.
    const media = { schema: { type: 'string' }, itemSchema: { type: 'string' } };
    const broken = {
      ...documentFor(),
      paths: {
        '/x': {
          get: {
            responses: { '200': { description: 'x', content: { 'text/event-stream': media } } },
          },
        },
      },
    };
    expect(validateOpenApi(broken)).not.toEqual([]);
  });

  it('accepts every JSON value in results, nulls in lists and objects included', () => {
    const valid = schemaValidator(documentFor());
    const response: QueryResponse = {
      columns: ['list', 'map', 'nothing', 'nested'],
      rows: [{ list: [1, null], map: { a: null }, nothing: null, nested: [[null, { b: [null] }]] }],
      graph: null,
      summary: { query_type: 'read', row_count: 1, truncated: false, elapsed_ms: 1 },
      plan: [
        {
          operator: 'ProduceResults',
          details: 'n',
          estimated_rows: 1,
          rows: null,
          db_hits: null,
          identifiers: ['n'],
          children: [],
        },
      ],
      bookmark: null,
    };
    expect(valid('QueryResponse', response)).toBe(true);
    for (const value of [null, 1, 'a', true, [1, null], { a: null }, [[]], { a: { b: [null] } }])
      expect(valid('JsonValue', value)).toBe(true);
    // The validator does refuse what the schema does not allow.
    expect(valid('QueryResponse', { ...response, graph: 'none' })).toBe(false);
  });

  it('lets nullable components be null without making the components themselves nullable', () => {
    const valid = schemaValidator(documentFor());
    expect(valid('GenerationJob', job)).toBe(true);
    expect(valid('GenerationJob', { ...job, progress: { phase: 'nodes' } })).toBe(false);
    expect(valid('GenerationProgress', null)).toBe(false);
    expect(valid('GenerationResult', null)).toBe(false);
    const text = JSON.stringify(documentFor());
    // A nullable reference is not spelled as a oneOf with null (a tagged union, such as the
    // estimate request's view, is a oneOf of its own and stays one).
    const nullUnions: unknown[] = [];
    JSON.parse(text, (_key, value: unknown) => {
      const members = (value as { oneOf?: unknown } | null)?.oneOf;
      if (
        Array.isArray(members) &&
        members.some((m) => [(m as { type?: unknown }).type].flat().includes('null'))
      )
        nullUnions.push(value);
      return value;
    });
    expect(nullUnions).toEqual([]);
    expect(text).not.toContain('"allOf"');
    // Nor does a nullable schema carry an object default, which client generators refuse.
    const objectDefaults: unknown[] = [];
    JSON.parse(text, (_key, value: unknown) => {
      const schema = value as { type?: unknown; default?: unknown } | null;
      const nullable = [schema?.type].flat().includes('null');
      if (nullable && typeof schema?.default === 'object' && schema.default !== null)
        objectDefaults.push(value);
      return value;
    });
    expect(objectDefaults).toEqual([]);
  });

  it('lists the configured regions as an enum wherever a region is taken', () => {
    const document = documentFor({ REGIONS: 'NAI,MARS' });
    const valid = schemaValidator(document);
    expect(valid('Region', 'MARS')).toBe(true);
    expect(valid('Region', 'EMEA')).toBe(false);
    const region = operation(document, 'getRegionGraph').parameters?.find(
      (p) => p.name === 'region',
    );
    expect(region?.schema).toEqual({ $ref: '#/components/schemas/Region' });
    expect(valid('FilterRequest', { regions: ['EMEA'] })).toBe(false);
    expect(valid('GenerateRequest', { regions: ['MARS', 'MARS'] })).toBe(false);
  });

  it('bounds the generator fields by the configuration', () => {
    const env = {
      MAX_CONSULTANTS_PER_REGION: '7',
      MAX_FIELD_CONSULTANTS_PER_CONSULTANT: '3',
      MAX_COMPANIES_PER_FIELD: '4',
      MAX_PRODUCTS_PER_COMPANY: '2',
    };
    const config = parseConfig(env);
    const valid = schemaValidator(documentFor(env));
    const properties = (documentFor(env).components?.schemas?.GenerateRequest ?? {}) as {
      properties: Record<string, { default?: number }>;
    };
    for (const [field, variable] of Object.entries(FIELD_BOUNDS)) {
      expect(valid('GenerateRequest', { [field]: config[variable] })).toBe(true);
      expect(valid('GenerateRequest', { [field]: config[variable] + 1 })).toBe(false);
      // What the generator takes for a field left out is within the bound too.
      expect(properties.properties[field]?.default).toBeLessThanOrEqual(config[variable]);
    }
  });

  it('gives every numeric parameter a maximum', () => {
    const numeric = operations(documentFor()).flatMap(([method, path, op]) =>
      (op.parameters ?? [])
        .filter((p) => ['integer', 'number'].includes(String(p.schema.type)))
        .map((p) => ({ where: `${method} ${path} ${p.name}`, maximum: p.schema.maximum })),
    );
    expect(numeric.map((p) => p.where)).toContain(
      'get /api/v1/nodes/{label}/{id}/neighbours offset',
    );
    for (const p of numeric) expect(typeof p.maximum, p.where).toBe('number');
  });

  it('requires exactly the bodies that cannot be left out', () => {
    const document = documentFor();
    expect(operation(document, 'runQuery').requestBody?.required).toBe(true);
    for (const name of OPERATION_NAMES.filter((n) => contract[n].http.method === 'POST')) {
      const required = !contract[name].input.safeParse({}).success;
      expect(operation(document, name).requestBody?.required, name).toBe(required);
    }
  });

  it('lists the statuses each route answers with', () => {
    const document = documentFor();
    const statuses = (id: string) => Object.keys(operation(document, id).responses);
    expect(statuses('getRegionGraph')).toContain('404');
    expect(statuses('getRegionFilterOptions')).toContain('404');
    expect(statuses('cancelGeneration')).toEqual(expect.arrayContaining(['404', '409']));
    expect(statuses('startGeneration')).toEqual(
      expect.arrayContaining(['200', '202', '409', '413', '422']),
    );
    expect(statuses('runQuery')).toEqual(expect.arrayContaining(['403', '413', '422', '504']));
    // An import job answers 202 at once, never 200.
    expect(statuses('startImport')).toEqual(expect.arrayContaining(['202', '413', '422']));
    expect(statuses('startImport')).not.toContain('200');
    for (const [method, path, op] of operations(document))
      expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
        expect.arrayContaining([
          op.operationId === 'startImport' ? '202' : '200',
          '400',
          '401',
          '500',
        ]),
      );
  });

  it('describes the event stream and the shape of its events', () => {
    const document = documentFor();
    const events = operation(document, 'generationEvents');
    const media = events.responses['200']?.content?.['text/event-stream'];
    expect(media?.schema).toEqual({ $ref: '#/components/schemas/GenerationEvent' });
    const valid = schemaValidator(document);
    const event = { event: 'job', id: '1', data: JSON.stringify(job) };
    expect(valid('GenerationEvent', event)).toBe(true);
    expect(valid('GenerationEvent', { ...event, event: 'message' })).toBe(false);
    const data = document.components?.schemas?.GenerationEvent;
    expect(data).toMatchObject({
      properties: {
        data: {
          contentMediaType: 'application/json',
          contentSchema: { $ref: '#/components/schemas/GenerationJob' },
        },
      },
    });
    expect(valid('GenerationJob', JSON.parse(event.data))).toBe(true);
  });

  it('says which filter fields apply in each mode, as the service decides', () => {
    const valid = schemaValidator(documentFor());
    const samples: Required<Pick<FilterInput, PathFilterField>> = {
      regions: ['NAI'],
      sales_regions: [SALES_REGIONS[0]],
      channels: [CHANNELS[0]],
      privacy_levels: ['Public'],
      asset_classes: [ASSET_CLASSES[0]],
      jpm_flags: ['Y'],
      mandate_statuses: ['Active'],
      influence_levels: [1],
      ratings: ['Positive'],
      opportunity_types: [OPPORTUNITY_TYPES[0]],
      consultant_ids: ['NAI-C-0001'],
      field_consultant_ids: ['NAI-FC-0001'],
      company_ids: ['NAI-CO-0001'],
      product_ids: ['NAI-P-0001'],
      incumbent_product_ids: ['NAI-IP-0001'],
      fc_total_plan_assets_min: 1,
      fc_total_plan_assets_max: 2,
      aum_min: 1,
      aum_max: 2,
      performance_min: 1,
      performance_max: 2,
      influence_min: 1,
      influence_max: 2,
      owns_value_min: 1,
      owns_value_max: 2,
      owns_start_date_min: '2020-01-01',
      owns_start_date_max: '2021-01-01',
      rates_date_min: '2020-01-01',
      rates_date_max: '2021-01-01',
    };
    // What the server accepts: the request schema, then the service's own check.
    const serverAccepts = (body: object): boolean => {
      const parsed = FilterRequest.safeParse(body);
      if (!parsed.success) return false;
      try {
        checkFilter(parsed.data, setFields(parsed.data));
        return true;
      } catch {
        return false;
      }
    };
    const entries = Object.entries(samples) as [PathFilterField, unknown][];
    for (const mode of ['standard', 'recommendations'] as const)
      for (const [field, sample] of entries)
        for (const value of [sample, [], null]) {
          const body = { mode, [field]: value };
          expect(valid('FilterRequest', body), JSON.stringify(body)).toBe(serverAccepts(body));
        }
    // The default mode is standard.
    expect(valid('FilterRequest', { opportunity_types: ['Income'] })).toBe(false);
  });

  it('declares bearer auth only when a token is configured', () => {
    const open = documentFor();
    expect(open.security).toBeUndefined();
    expect(open.components?.securitySchemes).toBeUndefined();
    const guarded = documentFor({ API_TOKEN: 'secret-token' });
    expect(guarded.security).toEqual([{ bearerToken: [] }]);
    expect(guarded.components?.securitySchemes?.bearerToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(JSON.stringify(guarded)).not.toContain('secret-token');
  });

  it('links responses to operations by parameters those operations take', () => {
    const document = documentFor();
    const links = operations(document).flatMap(([, , op]) =>
      Object.values(op.responses).flatMap((r) => Object.values(r.links ?? {})),
    ) as { operationId: string; parameters: Record<string, string> }[];
    expect(links.map((l) => l.operationId)).toEqual(
      expect.arrayContaining(['getGenerationJob', 'cancelGeneration', 'getNode', 'getNeighbours']),
    );
    for (const link of links) {
      const target = operation(document, link.operationId);
      const names = (target.parameters ?? []).map((p) => p.name);
      for (const [name, expression] of Object.entries(link.parameters)) {
        expect(names, link.operationId).toContain(name);
        expect(expression).toMatch(/^\$response\.body#\//);
      }
    }
  });

  it('has one operation per contract route', () => {
    const documented = operations(documentFor()).map(([m, p]) => `${m.toUpperCase()} ${p}`);
    for (const name of OPERATION_NAMES)
      expect(documented).toContain(
        `${contract[name].http.method} ${toOpenApiPath(contract[name].http.path)}`,
      );
  });
});
