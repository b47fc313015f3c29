/**
 * Request ids and request logs. A sane incoming `X-Request-Id` is kept (so ids follow a request
 * through proxies); otherwise one is generated. The id is echoed in the response header, appears
 * in every log line of the request and in error bodies.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;
export const REQUEST_ID_HEADER = 'X-Request-Id';

export function requestIdOf(req: IncomingMessage): string {
  const id: unknown = req.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
}

export function requestLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && SAFE_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    // Scrapes and static files would drown the log.
    autoLogging: {
      ignore: (req) => {
        const url = req.url ?? '';
        return url === '/metrics' || url.startsWith('/assets/') || url.startsWith('/docs/');
      },
    },
    serializers: {
      req: (req: { id: unknown; method: unknown; url: unknown }) => ({
        id: req.id,
        method: req.method,
        // The event stream may carry the token in its query: never log it.
        url: String(req.url).replace(/access_token=[^&]*/g, 'access_token=[redacted]'),
      }),
      res: (res: { statusCode: unknown }) => ({ statusCode: res.statusCode }),
    },
  });
}
