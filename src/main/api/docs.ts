/**
 * API documentation pages served from installed packages (no CDN, no network): Swagger UI at
 * /docs and ReDoc at /redoc, both reading /openapi.json. Pages load only same-origin scripts, so
 * they work under the server's content security policy.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Router, type Response } from 'express';

const resolveFrom = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(resolveFrom.resolve(`${name}/package.json`));

/** The files each page needs, and nothing else from the packages (e.g. no demo initializer). */
const SWAGGER_FILES = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'favicon-16x16.png',
];
const REDOC_BUNDLE = 'redoc.standalone.js';
/**
 * ReDoc's sidebar footer always loads its logo from a CDN: the served bundle points it at a
 * transparent image instead, so that the page makes no request beyond this server (and the
 * content security policy has nothing to refuse).
 */
const REDOC_CDN_LOGO = 'https://cdn.redoc.ly/redoc/logo-mini.svg';
const BLANK_IMAGE = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

const SWAGGER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Smart Network API — Swagger UI</title>
    <link rel="icon" href="/docs/favicon-32x32.png" />
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/swagger-ui-standalone-preset.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

// validatorUrl: null keeps Swagger UI from sending the document to an online validator.
const SWAGGER_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
  validatorUrl: null,
  deepLinking: true,
});
`;

const REDOC_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Smart Network API — ReDoc</title>
    <style>body { margin: 0; padding: 0; }</style>
  </head>
  <body>
    <redoc spec-url="/openapi.json"></redoc>
    <script src="/redoc/redoc.standalone.js"></script>
  </body>
</html>
`;

function sendPage(res: Response, type: string, body: string): void {
  res.set('Cache-Control', 'no-cache').type(type).send(body);
}

export function docsRouter(openApiDocument: () => unknown): Router {
  const router = Router();
  const swaggerDir = packageDir('swagger-ui-dist');
  const redocDir = join(packageDir('redoc'), 'bundles');
  const assetOptions = { maxAge: '1d' };

  router.get('/openapi.json', (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(openApiDocument());
  });
  router.get(['/docs', '/docs/'], (_req, res) => sendPage(res, 'html', SWAGGER_PAGE));
  router.get('/docs/init.js', (_req, res) => sendPage(res, 'js', SWAGGER_INIT));
  for (const file of SWAGGER_FILES)
    router.get(`/docs/${file}`, (_req, res) => res.sendFile(join(swaggerDir, file), assetOptions));
  router.get(['/redoc', '/redoc/'], (_req, res) => sendPage(res, 'html', REDOC_PAGE));
  let redocBundle: string | undefined;
  router.get(`/redoc/${REDOC_BUNDLE}`, (_req, res) => {
    redocBundle ??= readFileSync(join(redocDir, REDOC_BUNDLE), 'utf8').replaceAll(
      REDOC_CDN_LOGO,
      BLANK_IMAGE,
    );
    res.set('Cache-Control', 'public, max-age=86400').type('js').send(redocBundle);
  });
  return router;
}
