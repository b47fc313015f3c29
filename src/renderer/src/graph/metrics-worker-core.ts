/** What the metrics worker does with one message: pure of any worker global, so it is testable. */
import { buildStructure, computeMetric } from './metrics';
import type { MetricId } from './metrics';
import { MetricsRequest } from './metrics-protocol';
import type { MetricsReply } from './metrics-protocol';

export function handleMetricsMessage(data: unknown, post: (reply: MetricsReply) => void): void {
  const parsed = MetricsRequest.safeParse(data);
  if (!parsed.success) {
    const id: unknown =
      typeof data === 'object' && data !== null ? Reflect.get(data, 'id') : undefined;
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'request';
    post({
      type: 'error',
      id: typeof id === 'number' && Number.isInteger(id) ? id : -1,
      message: `Bad metrics request: ${where}: ${issue?.message ?? 'invalid'}`,
    });
    return;
  }
  const request = parsed.data;
  const started = performance.now();
  try {
    const graph = buildStructure(request);
    const values: Partial<Record<MetricId, number[]>> = {};
    const total = request.metrics.length;
    request.metrics.forEach((metric, done) => {
      post({ type: 'progress', id: request.id, done, total, next: metric });
      values[metric] = computeMetric(graph, request, metric);
    });
    post({ type: 'progress', id: request.id, done: total, total });
    post({ type: 'result', id: request.id, values, ms: performance.now() - started });
  } catch (error) {
    post({
      type: 'error',
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
