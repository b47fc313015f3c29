/**
 * HTTP for the proofs over node:http with a keep-alive agent: exact paths (no URL normalisation,
 * so traversal attempts reach the server as written), JSON bodies, the bearer token, and a check
 * of the documented error shape.
 */
import { Agent, request as httpRequest } from 'node:http';
import { ErrorBody } from '../../../src/shared/errors';

export type HttpResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  ms: number;
};

export type HttpOptions = {
  method?: string;
  body?: unknown;
  /** Raw body bytes (sent as is, with the given content type). */
  raw?: string;
  contentType?: string;
  token?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
};

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function http(base: string, path: string, options: HttpOptions = {}): Promise<HttpResponse> {
  const target = new URL(base);
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (payload !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: options.method ?? 'GET',
        headers,
        agent,
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.method ?? 'GET'} ${path}`)));
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Why a 4xx/5xx response breaks the documented error shape, or undefined when it keeps it. */
export function errorShapeProblem(response: HttpResponse): string | undefined {
  const parsed = ErrorBody.safeParse(response.json);
  if (!parsed.success) return `not the error shape: ${response.text.slice(0, 200)}`;
  if (!parsed.data.error.request_id) return 'error without request_id';
  if (/\n\s+at |Neo4jError|neo4j-driver|node_modules/.test(response.text))
    return `stack trace or driver text in the body: ${response.text.slice(0, 200)}`;
  return undefined;
}

/** encodeURIComponent that survives lone surrogates (sent as U+FFFD, as a browser would). */
export function encodePart(text: string): string {
  return encodeURIComponent(
    text.replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '\ufffd',
    ),
  );
}
