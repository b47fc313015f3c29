import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  assertBindingAllowed,
  corsMiddleware,
  HELMET_OPTIONS,
  isLoopbackHost,
  securityHeaders,
} from '../../../../src/main/api/security';
import { ConfigError } from '../../../../src/main/config/env';

describe('binding', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]', '127.0.0.2'])
      expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com', '128.0.0.1'])
      expect(isLoopbackHost(host)).toBe(false);
  });

  it('refuses a non-loopback host without a token, naming API_TOKEN', () => {
    expect(() => assertBindingAllowed('127.0.0.1', undefined)).not.toThrow();
    expect(() => assertBindingAllowed('0.0.0.0', 'token')).not.toThrow();
    expect(() => assertBindingAllowed('0.0.0.0', undefined)).toThrow(ConfigError);
    expect(() => assertBindingAllowed('0.0.0.0', undefined)).toThrow(/API_TOKEN/);
  });
});

async function headersWith(...middleware: RequestHandler[]): Promise<Record<string, unknown>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(...middleware);
  app.get('/', (_req, res) => {
    res.json({});
  });
  const res = await request(app).get('/');
  const { date: _date, ...headers } = res.headers;
  return headers;
}

describe('security headers', () => {
  it('are exactly the ones helmet sets with the same options', async () => {
    const expected = await headersWith(helmet(HELMET_OPTIONS));
    expect(await headersWith(securityHeaders())).toEqual(expected);
    expect(expected['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});

describe('CORS', () => {
  it('sets the same headers as the cors middleware with and without an Origin', async () => {
    const cors = corsMiddleware(['http://allowed.example']);
    const app = express();
    app.use(cors);
    app.get('/', (_req, res) => {
      res.json({});
    });
    const plain = await request(app).get('/');
    expect(plain.headers.vary).toBe('Origin');
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await request(app).get('/').set('Origin', 'http://allowed.example');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://allowed.example');
    expect(allowed.headers['access-control-expose-headers']).toContain('X-Request-Id');
    const other = await request(app).get('/').set('Origin', 'http://other.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await request(app)
      .options('/')
      .set('Origin', 'http://allowed.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET,POST,PATCH,DELETE');
  });
});
