import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../../src/shared/contract';
import { AppError } from '../../../src/shared/errors';
import {
  buildRequest,
  decodeInput,
  decodeQuery,
  pathParamNames,
  queryFieldKinds,
} from '../../../src/shared/http';

/** What Express's query parser yields for a URL's query string (repeated keys become lists). */
function parseQuery(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(url, 'http://x').searchParams) {
    const seen = query[key];
    query[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

describe('buildRequest', () => {
  it('fills path parameters and puts the rest of a GET in the query', () => {
    expect(buildRequest('getRegionGraph', { region: 'NAI', limit: 10 })).toEqual({
      method: 'GET',
      url: '/api/v1/graph/region/NAI?limit=10',
    });
  });

  it('encodes path segments and repeats array keys', () => {
    const request = buildRequest('getNeighbours', {
      label: 'COMPANY',
      id: 'A/B C',
      types: ['OWNS', 'COVERS'],
    });
    expect(request.url).toBe('/api/v1/nodes/COMPANY/A%2FB%20C/neighbours?types=OWNS&types=COVERS');
  });

  it('sends POST input as a JSON body and transport options in the query', () => {
    const request = buildRequest('startGeneration', { regions: ['NAI'] }, { async: 'true' });
    expect(request).toEqual({
      method: 'POST',
      url: '/api/v1/graph/generate?async=true',
      body: { regions: ['NAI'] },
    });
  });

  it('carries DELETE input in the query', () => {
    expect(buildRequest('clearGraph', { confirm: true, regions: ['NAI', 'EMEA'] }).url).toBe(
      '/api/v1/graph/clear?confirm=true&regions=NAI&regions=EMEA',
    );
  });

  it('sends an empty list as an empty value, which the server refuses by name', () => {
    const request = buildRequest('clearGraph', { confirm: true, regions: [] });
    expect(request.url).toBe('/api/v1/graph/clear?confirm=true&regions=');
    const raw = decodeInput('clearGraph', {
      params: {},
      query: parseQuery(request.url),
      body: undefined,
    });
    const parsed = contract.clearGraph.input.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['regions']);
  });

  it('refuses a missing path parameter, naming it', () => {
    const error = (() => {
      try {
        buildRequest('getNode', { label: 'COMPANY', id: '' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'id' }] });
  });

  it('every path parameter of every route is a field of its input', () => {
    for (const name of OPERATION_NAMES) {
      const kinds = queryFieldKinds(contract[name].input);
      for (const param of pathParamNames(contract[name].http.path))
        expect(kinds).toHaveProperty(param);
    }
  });
});

describe('decodeQuery', () => {
  it('accepts repeated and comma-separated lists alike', () => {
    const schema = contract.clearGraph.input;
    expect(decodeQuery(schema, { regions: ['NAI', 'EMEA'] })).toEqual({ regions: ['NAI', 'EMEA'] });
    expect(decodeQuery(schema, { regions: 'NAI, EMEA' })).toEqual({ regions: ['NAI', 'EMEA'] });
    expect(decodeQuery(schema, { regions: 'NAI' })).toEqual({ regions: ['NAI'] });
  });

  it('reads a blank list as an empty one, never as an absent one', () => {
    const schema = contract.clearGraph.input;
    for (const blank of ['', ',', ' , ', ['', ' ']])
      expect(decodeQuery(schema, { regions: blank })).toEqual({ regions: [] });
    for (const name of ['clearGraph', 'search', 'getNeighbours'] as const) {
      const field = name === 'getNeighbours' ? 'types' : name === 'search' ? 'labels' : 'regions';
      const raw = decodeInput(name, {
        params: { label: 'COMPANY', id: 'x' },
        query: { q: 'x', confirm: 'true', [field]: ',' },
        body: undefined,
      });
      const parsed = contract[name].input.safeParse(raw);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
    }
  });

  it('turns booleans and numbers back into values and leaves nonsense for validation', () => {
    expect(decodeQuery(contract.clearGraph.input, { confirm: 'true' })).toEqual({ confirm: true });
    expect(decodeQuery(contract.clearGraph.input, { confirm: 'maybe' })).toEqual({
      confirm: 'maybe',
    });
    expect(decodeQuery(contract.search.input, { limit: '5', q: '12' })).toEqual({
      limit: 5,
      q: '12',
    });
  });

  it('round-trips every GET and DELETE input through buildRequest', () => {
    const samples = {
      getRegionGraph: { region: 'EMEA', limit: 50, mode: 'recommendations' as const },
      getNeighbours: {
        label: 'CONSULTANT' as const,
        id: 'NAI-C-0001',
        types: ['EMPLOYS' as const],
        limit: 5,
        offset: 10,
      },
      search: { q: 'Acme, Inc', labels: ['COMPANY' as const, 'PRODUCT' as const], limit: 3 },
      clearGraph: { confirm: true as const, regions: ['APAC'] },
    };
    for (const [name, input] of Object.entries(samples)) {
      const op = name as keyof typeof samples;
      const request = buildRequest(op, input);
      const { pathname } = new URL(request.url, 'http://x');
      const params = Object.fromEntries(
        pathParamNames(contract[op].http.path).map((param, i) => {
          const segments = contract[op].http.path.split('/');
          const index = segments.indexOf(`:${param}`);
          return [param, decodeURIComponent(pathname.split('/')[index] ?? String(i))];
        }),
      );
      const raw = decodeInput(op, { params, query: parseQuery(request.url), body: undefined });
      expect(contract[op].input.parse(raw)).toEqual(contract[op].input.parse(input));
    }
  });

  it('decodes POST input from the body with path parameters on top', () => {
    expect(
      decodeInput('filterGraph', { params: {}, query: { x: '1' }, body: { regions: ['NAI'] } }),
    ).toEqual({
      regions: ['NAI'],
    });
    expect(decodeInput('filterGraph', { params: {}, query: {}, body: undefined })).toEqual({});
    expect(decodeInput('filterGraph', { params: {}, query: {}, body: [1] })).toEqual([1]);
  });

  it('takes whether a view counts its totals, exact when left out, and refuses other values', () => {
    const region = contract.getRegionGraph.input;
    const query = (url: string) => region.parse(decodeQuery(region, parseQuery(url)));
    expect(query('/x?region=NAI&limit=10&totals=none')).toEqual({
      region: 'NAI',
      limit: 10,
      mode: 'standard',
      totals: 'none',
    });
    expect(query('/x?region=NAI').totals).toBeUndefined();
    expect(() => query('/x?region=NAI&totals=some')).toThrow(/totals/);
    const filter = contract.filterGraph.input;
    expect(filter.parse({ regions: ['NAI'], totals: 'none' }).totals).toBe('none');
    expect(filter.parse({ totals: null }).totals).toBeUndefined();
    expect(filter.safeParse({ totals: 'some' }).error?.issues[0]?.path).toEqual(['totals']);
    // Only the view's answer may leave its totals out; the estimate always counts.
    const output = contract.getRegionGraph.output;
    const graph = { nodes: [], relationships: [], truncated: true, limit: 1, mode: 'standard' };
    expect(output.parse({ ...graph, totals: null }).totals).toBeNull();
    expect(contract.estimateGraph.output.safeParse(null).success).toBe(false);
  });

  it('reads an explicit null of an optional body field as "not given"', () => {
    const schema = contract.filterGraph.input;
    expect(schema.parse({ regions: null, limit: null, mode: null })).toEqual({
      mode: 'standard',
    });
    expect(contract.runQuery.input.parse({ query: 'RETURN 1', parameters: null })).toEqual({
      query: 'RETURN 1',
      parameters: {},
      read_only: true,
    });
    expect(contract.startGeneration.input.parse({ regions: null, seed: null })).toEqual({
      mode: 'append',
    });
    // Unknown keys are still refused by name, and a required field is still required.
    expect(schema.safeParse({ region: null }).error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['region'],
    });
    expect(contract.runQuery.input.safeParse({ query: null }).success).toBe(false);
  });

  it('refuses an explicit JSON null body instead of reading it as no fields', () => {
    const raw = decodeInput('startGeneration', { params: {}, query: {}, body: null });
    expect(raw).toBeNull();
    expect(contract.startGeneration.input.safeParse(raw).success).toBe(false);
  });
});
