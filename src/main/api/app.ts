/**
 * The Express app of the REST API, shared by the headless server, the desktop app and the tests:
 * request ids and logs, metrics, security headers, CORS, token checks, body limits, the contract
 * routes, generation jobs and events, docs, the built UI, and one error shape for every failure.
 */
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { contract, OPERATION_NAMES, streams } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { docsRouter } from './docs';
import { restClient } from './client';
import { errorResponse, toAppError } from './errors';
import { generationRouter } from './generation';
import { importRouter } from './import';
import { homePage } from './home';
import { metricsRouter, requestMetrics } from './http-metrics';
import { methodNotAllowedRouter, type KnownRoute } from './methods';
import { createOpenApiDocument, METRICS_PATH } from './openapi';
import { requestIdOf, requestLogger } from './request-log';
import { contractRouter } from './routes';
import { allowedOrigins, corsMiddleware, requireToken, securityHeaders } from './security';
import { hasRenderer, staticRouter } from './static';
import type { ApiBackend, ApiOptions } from './types';
import { APP_VERSION } from '../version';

const DEFAULT_BODY_LIMIT = '2mb';
const API_PREFIXES = ['/api', '/health', '/metrics'];

/** Routes that take a multipart form: the contract's uploads. */
const UPLOAD_PATHS: readonly string[] = OPERATION_NAMES.filter(
  (name) => 'upload' in contract[name],
).map((name) => contract[name].http.path);

const hasBody = (req: express.Request): boolean =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** POST and PATCH bodies must be JSON: a form post from another site must not pass as an empty body. */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (
    (req.method !== 'POST' && req.method !== 'PATCH') ||
    !hasBody(req) ||
    req.is(['application/json', '+json'])
  )
    return next();
  // The upload route takes a multipart form (still behind the origin and token checks).
  if (UPLOAD_PATHS.includes(req.path) && req.is('multipart/form-data')) return next();
  next(
    new AppError(
      'VALIDATION_ERROR',
      'Send the request body as JSON (Content-Type: application/json).',
      [{ field: 'body', message: 'expected Content-Type: application/json' }],
    ),
  );
};

/** Every API path and its methods: the contract's, the event stream's and the metrics'. */
function apiRoutes(withMetrics: boolean): KnownRoute[] {
  return [
    ...OPERATION_NAMES.map((name) => contract[name].http),
    { method: 'GET', path: streams.generationEvents.path },
    ...(withMetrics ? [{ method: 'GET', path: METRICS_PATH }] : []),
  ];
}

const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No such endpoint: ${req.method} ${req.baseUrl}${req.path}`));
};

function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toAppError(error);
    if (!known || known.code === 'INTERNAL') req.log.error({ err: error }, 'Request failed');
    else if (known.code === 'DATABASE_UNAVAILABLE' || known.code === 'DATABASE_AUTH_FAILED')
      req.log.warn({ err: known.message }, 'Database unavailable');
    if (res.headersSent) {
      res.end();
      return;
    }
    const { status, body, headers } = errorResponse(known, requestIdOf(req));
    res.status(status).set(headers).json(body);
  };
}

export function createApiApp(backend: ApiBackend, options: ApiOptions = {}): Express {
  const { config, handlers, generation, metrics } = backend;
  const validateResponses = options.validateResponses ?? config.ENVIRONMENT !== 'production';
  let document: unknown;
  const openApiDocument = (): unknown =>
    (document ??= createOpenApiDocument({
      config,
      version: APP_VERSION,
      serverUrl: options.publicUrl,
    }));

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestLogger(backend.logger));
  if (metrics) app.use(requestMetrics(metrics));
  app.use(securityHeaders());
  app.use(corsMiddleware(config.CORS_ORIGINS));
  app.use(allowedOrigins(config.CORS_ORIGINS));
  if (config.API_TOKEN) app.use(API_PREFIXES, requireToken(config.API_TOKEN));
  app.use(requireJsonBody);
  const json = express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, strict: false });
  // Most requests (GETs) have no body: body-parser would only find that out and leave it unset.
  app.use((req, res, next) => (hasBody(req) ? json(req, res, next) : next()));
  app.use(restClient());
  // Contract routes first: the requests that matter most for latency match before any other
  // router is tried. The docs (GET only, outside the token's prefixes, no body) come after the
  // API, which answers every path under its prefixes, found or not.
  app.use(contractRouter(handlers, validateResponses));
  app.use(generationRouter(handlers, generation, validateResponses));
  app.use(importRouter(handlers, backend.imports, config, validateResponses));
  if (metrics) app.use(metricsRouter(metrics));
  app.use(methodNotAllowedRouter(apiRoutes(metrics !== undefined)));
  app.use(API_PREFIXES, notFound);
  app.use(docsRouter(openApiDocument));
  if (options.staticDir && hasRenderer(options.staticDir)) app.use(staticRouter(options.staticDir));
  else app.get('/', homePage);
  app.use(notFound);
  app.use(errorHandler());
  return app;
}
