/**
 * Serves the built renderer from `app://smart-network/` instead of file:// (file pages get
 * privileges a web page should not have). Requests are confined to the renderer folder and
 * every response carries the content security policy.
 */
import { extname, join, normalize, relative, sep, isAbsolute } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

const contentTypeOf = (file: string): string =>
  TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';

/** The file a request maps to, or undefined when it is not the app's or leaves the folder. */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  const file = normalize(join(rootDir, pathname === '/' ? 'index.html' : pathname));
  const inside = relative(rootDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.startsWith(sep))
    return undefined;
  return file;
}

/** Must run before the app is ready: the scheme behaves like https (secure, standard origin). */
export const privilegedScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

export function registerAppProtocol(
  protocol: Pick<Protocol, 'handle'>,
  rootDir: string,
  csp: () => string,
  readFile: (file: string) => Promise<Buffer>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rootDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(new Uint8Array(body), {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': csp(),
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
