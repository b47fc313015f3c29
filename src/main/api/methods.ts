/**
 * A known path asked with a method it does not offer answers 405 METHOD_NOT_ALLOWED with an
 * `Allow` header naming the methods it does (RFC 9110), not 404 as if the path did not exist.
 * Mounted after the routers that serve these paths, so only requests none of them answered
 * arrive here (OPTIONS is answered by those routers, with the same methods).
 */
import { Router } from 'express';
import { AppError } from '../../shared/errors';

export type KnownRoute = { method: string; path: string };

export function methodNotAllowedRouter(routes: readonly KnownRoute[]): Router {
  const methodsByPath = new Map<string, Set<string>>();
  for (const { method, path } of routes) {
    const methods = methodsByPath.get(path) ?? new Set<string>();
    methods.add(method.toUpperCase());
    methodsByPath.set(path, methods);
  }
  const router = Router();
  for (const [path, methods] of methodsByPath) {
    const offered = [...methods];
    // Express answers HEAD with the GET handler.
    const allow = [...offered, ...(methods.has('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    router.all(path, (req, res, next) => {
      res.set('Allow', allow);
      next(
        new AppError(
          'METHOD_NOT_ALLOWED',
          `${req.method} is not supported on ${req.baseUrl}${req.path}; it answers ${offered.join(', ')}.`,
          [{ field: 'method', message: `must be one of ${offered.join(', ')}` }],
        ),
      );
    });
  }
  return router;
}
