/**
 * Security defaults: loopback binding unless a token is configured, Bearer token checks, a CORS
 * allowlist, refusal of cross-site requests from origins not on it, and security headers with a
 * content security policy that the served UI (WebGL, layout worker from blob:) and the docs need.
 */
import { BOOKMARK_HEADER } from '../../shared/http';
import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import { AppError } from '../../shared/errors';
import { ConfigError } from '../config/env';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase();
  return LOOPBACK_HOSTS.has(h) || /^127(\.\d{1,3}){3}$/.test(h);
}

/** A server reachable from other machines must not run without a token. */
export function assertBindingAllowed(host: string, token: string | undefined): void {
  if (!isLoopbackHost(host) && !token)
    throw new ConfigError(
      'API_TOKEN',
      `API_HOST=${host} makes the API reachable from other machines: set API_TOKEN to a secret ` +
        'that clients send as "Authorization: Bearer <token>", or bind to 127.0.0.1.',
    );
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Requires `Authorization: Bearer <token>`. Event streams may pass it as `access_token` in the
 * query, because browsers' EventSource cannot send headers.
 */
export function requireToken(token: string): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    const fromQuery =
      req.path.endsWith('/events') && typeof req.query.access_token === 'string'
        ? req.query.access_token
        : undefined;
    const given = match?.[1]?.trim() ?? fromQuery;
    if (given !== undefined && sameSecret(given, token)) return next();
    next(
      new AppError(
        'UNAUTHORIZED',
        given === undefined
          ? 'This server requires a token: send "Authorization: Bearer <API_TOKEN>".'
          : 'The token is not valid.',
      ),
    );
  };
}

function originOf(host: string | undefined, secure: boolean): string | undefined {
  return host ? `${secure ? 'https' : 'http'}://${host}` : undefined;
}

/**
 * Browsers send `Origin` on cross-site requests; a request from an origin that is neither this
 * server nor on the allowlist is refused, so a web page cannot drive the local API (e.g. start a
 * generation with a form post that needs no preflight).
 */
export function allowedOrigins(allowlist: readonly string[]): RequestHandler {
  const allowed = new Set(allowlist.map((o) => o.replace(/\/+$/, '')));
  return (req, _res, next) => {
    const origin = req.headers.origin;
    if (!origin || origin === 'null' || allowed.has(origin)) return next();
    if (origin === originOf(req.headers.host, req.secure)) return next();
    next(
      new AppError('UNAUTHORIZED', `Requests from ${origin} are not allowed (see CORS_ORIGINS).`),
    );
  };
}

export function corsMiddleware(allowlist: readonly string[]): RequestHandler {
  const allowed = new Set(allowlist.map((o) => o.replace(/\/+$/, '')));
  const handler = cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Request-Id', BOOKMARK_HEADER],
    exposedHeaders: ['X-Request-Id', 'Location', 'Retry-After', BOOKMARK_HEADER],
    maxAge: 600,
  });
  // Without an Origin header (curl, scripts, same-origin GETs) cors only adds `Vary: Origin`:
  // do just that, without its option handling on every request. Preflights still go through it.
  return (req, res, next) => {
    if (req.headers.origin !== undefined || req.method === 'OPTIONS')
      return handler(req, res, next);
    res.vary('Origin');
    next();
  };
}

/** Helmet's options: the headers below are worked out from them once (see securityHeaders). */
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // React, Swagger UI and ReDoc set inline styles.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      // The graph layout and ReDoc's search run in workers created from blob: URLs.
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // Cross-origin isolation headers would block nothing we serve but break embedding tools.
  crossOriginEmbedderPolicy: false,
  // Plain HTTP on localhost: HSTS would pin browsers to HTTPS for the host.
  strictTransportSecurity: false,
} as const satisfies Parameters<typeof helmet>[0];

type HeaderStep = { name: string; value?: string };

/** What a header middleware does to a response that depends on nothing of the request. */
function recordHeaders(middleware: RequestHandler): HeaderStep[] {
  const steps: HeaderStep[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void steps.push({ name, value: String(value) }),
    removeHeader: (name: string) => void steps.push({ name }),
  };
  let done = false;
  middleware(
    {} as Parameters<RequestHandler>[0],
    recorder as unknown as Parameters<RequestHandler>[1],
    () => (done = true),
  );
  if (!done) throw new Error('The security header middleware did not finish synchronously.');
  return steps;
}

/**
 * Helmet's headers, set per request from a list worked out once at start-up rather than by its
 * chain of a dozen middlewares (all of them static with these options: no nonces).
 */
export function securityHeaders(): RequestHandler {
  const steps = recordHeaders(helmet(HELMET_OPTIONS));
  return (_req, res, next) => {
    for (const { name, value } of steps)
      if (value === undefined) res.removeHeader(name);
      else res.setHeader(name, value);
    next();
  };
}
