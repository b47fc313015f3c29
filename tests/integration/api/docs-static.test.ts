/** The OpenAPI document, the docs pages (no network) and the built UI's static serving. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../../src/shared/contract';
import { toOpenApiPath } from '../../../src/main/api/openapi';
import { harness, type Harness } from './harness';
import { expressRoutes, schemaValidator, validateOpenApi } from '../../support/openapi-check';

let h: Harness;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smart-network-ui-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>UI</title><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(tmpdir(), 'smart-network-secret.txt'), 'secret');
  h = harness({}, { regions: 1, staticDir: dir });
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.close();
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document listing exactly the implemented routes', async () => {
    const res = await request(h.app).get('/openapi.json').expect(200);
    const document: unknown = res.body;
    expect(validateOpenApi(document)).toEqual([]);
    const documented = Object.entries((res.body as { paths: Record<string, object> }).paths)
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const implemented = expressRoutes(h.app)
      .filter((r) => r.path.startsWith('/api/') || r.path === '/health' || r.path === '/metrics')
      .map((r) => `${r.method} ${toOpenApiPath(r.path)}`)
      .sort();
    expect(documented).toEqual(implemented);
    for (const name of OPERATION_NAMES)
      expect(documented).toContain(
        `${contract[name].http.method} ${toOpenApiPath(contract[name].http.path)}`,
      );
  });

  it('describes what the server answers: nulls in query results, settings, networks, errors', async () => {
    const valid = schemaValidator((await request(h.app).get('/openapi.json').expect(200)).body);
    const query = await request(h.app)
      .post('/api/v1/graph/query')
      .send({
        query: 'RETURN [1, null] AS list, {a: null, b: [null, {c: null}]} AS map, null AS nothing',
      })
      .expect(200);
    expect(query.body).toMatchObject({
      rows: [{ list: [1, null], map: { a: null }, nothing: null }],
    });
    expect(valid('QueryResponse', query.body)).toBe(true);
    const region = h.regions[0] ?? '';
    const reads: [schema: string, path: string][] = [
      ['ServerSettings', '/api/v1/settings'],
      ['GraphResponse', `/api/v1/graph/region/${region}`],
      ['FilterOptions', `/api/v1/filters/options/${region}`],
    ];
    for (const [schema, path] of reads) {
      const res = await request(h.app).get(path).expect(200);
      expect(valid(schema, res.body), path).toBe(true);
    }
    const missing = await request(h.app).get('/api/v1/graph/generate/jobs/none').expect(404);
    expect(valid('ErrorBody', missing.body)).toBe(true);
  });
});

describe('docs pages', () => {
  it.each(['/docs', '/redoc'])(
    '%s loads with every script and style from this server',
    async (page) => {
      const res = await request(h.app).get(page).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const urls = [...res.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) {
        expect(url.startsWith('/')).toBe(true);
        const asset = await request(h.app).get(url).expect(200);
        expect(asset.headers['content-length'] ?? String(asset.text?.length)).not.toBe('0');
      }
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    },
  );

  it('turns off the online validator in Swagger UI', async () => {
    const res = await request(h.app).get('/docs/init.js').expect(200);
    expect(res.text).toContain('validatorUrl: null');
    expect(res.text).toContain("url: '/openapi.json'");
  });
});

describe('static UI', () => {
  it('serves index.html at / and for client-side routes, never cached', async () => {
    const root = await request(h.app).get('/').set('Accept', 'text/html').expect(200);
    expect(root.text).toContain('<div id="root">');
    expect(root.headers['cache-control']).toBe('no-cache');
    const deep = await request(h.app).get('/explore/region/NAI').set('Accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="root">');
  });

  it('caches hashed assets for a year', async () => {
    const res = await request(h.app).get('/assets/index-abc123.js').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('keeps API misses as JSON 404s, not the UI', async () => {
    const res = await request(h.app).get('/api/v1/unknown').set('Accept', 'text/html').expect(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it.each([
    '/../smart-network-secret.txt',
    '/..%2fsmart-network-secret.txt',
    '/%2e%2e/smart-network-secret.txt',
    '/assets/..%2f..%2fsmart-network-secret.txt',
    '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '/....//smart-network-secret.txt',
  ])('never leaves the folder: %s', async (path) => {
    const res = await request(h.app).get(path).set('Accept', 'text/html');
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toContain('root:');
  });
});
