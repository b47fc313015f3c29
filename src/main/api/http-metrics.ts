/** Request latency by route pattern (not raw URL, to keep label cardinality bounded) and status. */
import { Router, type RequestHandler } from 'express';
import type { Metrics } from '../metrics';
import { METRICS_PATH } from './openapi';

export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const pattern: unknown = (req.route as { path?: unknown } | undefined)?.path;
      stop({
        method: req.method,
        route: typeof pattern === 'string' ? pattern : 'other',
        status: String(res.statusCode),
      });
    });
    next();
  };
}

export function metricsRouter(metrics: Metrics): Router {
  const router = Router();
  router.get(METRICS_PATH, async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
