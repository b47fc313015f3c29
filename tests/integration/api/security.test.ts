/** Errors, limits and security defaults of the HTTP layer. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '../../../src/shared/errors';
import { startApiServer } from '../../../src/main/api/server';
import { harness, type Harness } from './harness';

let open: Harness;
let guarded: Harness;

beforeAll(() => {
  open = harness({ CORS_ORIGINS: 'http://tool.example' }, { regions: 1 });
  guarded = harness({ API_TOKEN: 'sesame-token-1' }, { regions: 1 });
});
afterAll(async () => {
  await open.close();
  await guarded.close();
});

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

describe('error shape and request ids', () => {
  it('answers unknown API routes with the JSON error shape and echoes X-Request-Id', async () => {
    const res = await request(open.app)
      .get('/api/v1/nowhere')
      .set('X-Request-Id', 'trace-123')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(errorOf(res.body)).toMatchObject({ code: 'NOT_FOUND', request_id: 'trace-123' });
  });

  it('generates a request id when the incoming one is unusable', async () => {
    const res = await request(open.app).get('/api/v1/nowhere').set('X-Request-Id', 'a b/c');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses bodies over the limit with 413', async () => {
    const huge = { query: 'RETURN 1', parameters: { blob: 'x'.repeat(3 * 1024 * 1024) } };
    const res = await request(open.app).post('/api/v1/graph/query').send(huge).expect(413);
    expect(errorOf(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a POST body that is not JSON', async () => {
    const res = await request(open.app)
      .post('/api/v1/graph/generate')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('regions=NAI')
      .expect(400);
    expect(errorOf(res.body).details?.[0]?.field).toBe('body');
  });
});

describe('token', () => {
  it('requires the Bearer token on the API when API_TOKEN is set', async () => {
    const none = await request(guarded.app).get('/api/v1/graph/stats').expect(401);
    expect(errorOf(none.body).code).toBe('UNAUTHORIZED');
    await request(guarded.app)
      .get('/api/v1/graph/stats')
      .set('Authorization', 'Bearer wrong')
      .expect(401);
    await request(guarded.app).get('/metrics').expect(401);
    await request(guarded.app)
      .get('/api/v1/graph/generate/jobs/none/events?access_token=sesame-token-1')
      .expect(404);
    await request(guarded.app)
      .get('/api/v1/graph/generate/jobs/none?access_token=sesame-token-1')
      .expect(401);
  });

  it('accepts the right token, and leaves the docs public', async () => {
    await request(guarded.app)
      .get('/api/v1/graph/generate/jobs/none')
      .set('Authorization', 'Bearer sesame-token-1')
      .expect(404);
    await request(guarded.app).get('/openapi.json').expect(200);
  });

  it('refuses to start on a non-loopback host without a token, naming API_TOKEN', async () => {
    await expect(startApiServer(open.backend, { host: '0.0.0.0', port: 0 })).rejects.toThrow(
      /API_TOKEN/,
    );
  });

  it('starts on a non-loopback host with a token', async () => {
    const server = await startApiServer(guarded.backend, { host: '0.0.0.0', port: 0 });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/graph/stats`);
      expect(res.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe('CORS and origins', () => {
  it('allows listed origins and refuses others', async () => {
    const allowed = await request(open.app)
      .get('/api/v1/graph/generate/jobs/none')
      .set('Origin', 'http://tool.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://tool.example');
    const preflight = await request(open.app)
      .options('/api/v1/graph/filter')
      .set('Origin', 'http://tool.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    const refused = await request(open.app)
      .post('/api/v1/graph/generate')
      .set('Origin', 'http://evil.example')
      .send({})
      .expect(401);
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(errorOf(refused.body).message).toContain('CORS_ORIGINS');
  });

  it('sends security headers with a CSP that allows workers from blob:', async () => {
    const res = await request(open.app).get('/openapi.json').expect(200);
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
