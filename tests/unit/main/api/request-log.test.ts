/** Request logs: one line per request with its id, probes at debug, tokens never written. */
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { requestLogger } from '../../../../src/main/api/request-log';
import { REDACT_PATHS } from '../../../../src/main/logger';

type Line = {
  level: number;
  msg: string;
  req?: { id: string; method: string; url: string };
  res?: { statusCode: number };
  responseTime?: number;
  step?: string;
};

function app(level = 'info', redact?: pino.LoggerOptions['redact']) {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line);
      done();
    },
  });
  const server = express();
  server.use(requestLogger(pino({ level, redact }, sink)));
  server.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  server.get('/api/v1/stuck', () => undefined);
  server.get('/api/v1/secret', (req, res) => {
    req.log.info({ password: 'hunter2' }, 'handler line');
    res.json({});
  });
  server.get('/api/v1/thing', (req, res) => {
    req.log.info({ step: 'inside' }, 'handler line');
    res.status(Number(req.query.status ?? 200)).json({});
  });
  return { server, lines };
}

describe('request logger', () => {
  it('writes one line per request, bound to the request id that the response echoes', async () => {
    const { server, lines } = app();
    const res = await request(server).get('/api/v1/thing').set('X-Request-Id', 'abc-1');
    expect(res.headers['x-request-id']).toBe('abc-1');
    const expected = { id: 'abc-1', method: 'GET', url: '/api/v1/thing' };
    expect(lines).toMatchObject([
      { level: 30, msg: 'handler line', step: 'inside', req: expected },
      { level: 30, msg: 'request completed', req: expected, res: { statusCode: 200 } },
    ]);
    expect(typeof lines[1]?.responseTime).toBe('number');
  });

  it('generates an id when none (or an unsafe one) is sent', async () => {
    const { server, lines } = app();
    const res = await request(server).get('/api/v1/thing').set('X-Request-Id', 'a b');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.at(-1)?.req?.id).toBe(res.headers['x-request-id']);
  });

  it('logs failures at warn (4xx) and error (5xx)', async () => {
    const { server, lines } = app();
    await request(server).get('/api/v1/thing?status=404');
    await request(server).get('/api/v1/thing?status=503');
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.level)).toEqual([
      40, 50,
    ]);
  });

  it('logs successful health probes at debug only', async () => {
    const quiet = app('info');
    await request(quiet.server).get('/health');
    expect(quiet.lines).toEqual([]);
    const verbose = app('debug');
    await request(verbose.server).get('/health');
    expect(verbose.lines).toMatchObject([{ level: 20, msg: 'request completed' }]);
  });

  it('never writes an access token from the query', async () => {
    const { server, lines } = app();
    await request(server).get('/api/v1/thing?access_token=secret&x=1');
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(lines.at(-1)?.req?.url).toBe('/api/v1/thing?access_token=[redacted]&x=1');
  });

  it('logs a request whose client went away before the answer as aborted', async () => {
    const { server, lines } = app();
    await expect(request(server).get('/api/v1/stuck').timeout(100)).rejects.toThrow();
    await vi.waitFor(() =>
      expect(lines).toMatchObject([
        { level: 40, msg: 'request aborted', req: { url: '/api/v1/stuck' } },
      ]),
    );
  });

  it('keeps redacting what handlers log through req.log', async () => {
    const { server, lines } = app('info', { paths: REDACT_PATHS, censor: '[redacted]' });
    await request(server).get('/api/v1/secret');
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(lines).toMatchObject([
      { msg: 'handler line', password: '[redacted]' },
      { msg: 'request completed', req: { url: '/api/v1/secret' }, res: { statusCode: 200 } },
    ]);
  });
});
