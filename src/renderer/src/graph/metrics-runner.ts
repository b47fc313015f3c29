/**
 * The page's side of the metrics worker: one worker per computation, its replies parsed before
 * use; cancelling ends the worker at once (a metric in progress cannot be interrupted otherwise).
 */
import type { MetricId, MetricsInput } from './metrics';
import { MetricsReply } from './metrics-protocol';
import type { MetricsRequest } from './metrics-protocol';

export type MetricsProgress = { done: number; total: number; next: MetricId | null };
type MetricsValues = Partial<Record<MetricId, number[]>>;

export type MetricsRun = {
  /** The values per metric, in the input's node order; rejects when cancelled or failed. */
  result: Promise<{ values: MetricsValues; ms: number }>;
  cancel: () => void;
};

export class MetricsCancelled extends Error {
  constructor() {
    super('Metrics computation cancelled');
  }
}

const createWorker = (): Worker =>
  new Worker(new URL('./metrics.worker.ts', import.meta.url), { type: 'module' });

let nextId = 1;

export function runMetrics(
  input: MetricsInput,
  metrics: readonly MetricId[],
  onProgress: (p: MetricsProgress) => void = () => {},
): MetricsRun {
  const worker = createWorker();
  const id = nextId++;
  let settle: ((error: Error | null) => void) | null = null;
  const result = new Promise<{ values: MetricsValues; ms: number }>((resolve, reject) => {
    settle = (error) => {
      worker.terminate();
      settle = null;
      if (error) reject(error);
    };
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = MetricsReply.safeParse(event.data);
      if (!parsed.success) {
        settle?.(new Error(`Unexpected reply from the metrics worker: ${parsed.error.message}`));
        return;
      }
      const reply = parsed.data;
      if (reply.id !== id) return;
      if (reply.type === 'progress')
        onProgress({ done: reply.done, total: reply.total, next: reply.next ?? null });
      else if (reply.type === 'error') settle?.(new Error(reply.message));
      else {
        settle?.(null);
        resolve({ values: reply.values, ms: reply.ms });
      }
    });
    worker.addEventListener('error', (event) =>
      settle?.(new Error(event.message || 'The metrics worker failed')),
    );
  });
  const request: MetricsRequest = {
    id,
    nodes: [...input.nodes],
    edges: input.edges.map(([s, t, w]) => [s, t, w]),
    metrics: [...metrics],
  };
  worker.postMessage(request);
  return { result, cancel: () => settle?.(new MetricsCancelled()) };
}
