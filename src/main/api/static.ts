/**
 * The built renderer served at `/`: hashed assets cached for a year, `index.html` never cached,
 * and the SPA fallback (any other GET that accepts HTML gets `index.html`). Files are served by
 * serve-static, which resolves every path inside the folder and refuses to leave it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

/** Prefixes that belong to the API, never to the UI. */
const API_PREFIXES = ['/api/', '/health', '/metrics', '/openapi.json', '/docs', '/redoc'];

export function hasRenderer(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

export function staticRouter(dir: string): Router {
  const router = Router();
  const index = join(dir, 'index.html');
  router.use(
    express.static(dir, {
      index: false,
      dotfiles: 'ignore',
      redirect: false,
      setHeaders: (res, path) => {
        // Vite names built assets by content hash: they never change under the same name.
        const immutable = path.startsWith(join(dir, 'assets'));
        res.setHeader(
          'Cache-Control',
          immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
        );
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    const isApi = API_PREFIXES.some((prefix) => req.path.startsWith(prefix));
    if (isApi || !req.accepts('html')) return next();
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
