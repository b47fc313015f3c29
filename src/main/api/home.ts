/** The page at `/` when the UI has not been built: where the API and its docs are. */
import type { RequestHandler } from 'express';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Smart Network API</title></head>
  <body style="font-family: sans-serif; max-width: 40rem; margin: 3rem auto">
    <h1>Smart Network API</h1>
    <p>The web UI is not built. Build it with <code>npx electron-vite build</code> and restart.</p>
    <ul>
      <li><a href="/docs">API documentation (Swagger UI)</a></li>
      <li><a href="/redoc">API reference (ReDoc)</a></li>
      <li><a href="/openapi.json">OpenAPI document</a></li>
      <li><a href="/health">Health</a></li>
    </ul>
  </body>
</html>
`;

export const homePage: RequestHandler = (_req, res) => {
  res.set('Cache-Control', 'no-cache').type('html').send(PAGE);
};
