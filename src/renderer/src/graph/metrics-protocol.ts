/**
 * Messages between the page and the metrics worker, parsed on arrival at either side: a request
 * names the metrics to compute on a structure; the worker answers with progress after each
 * metric, then the values (one per node, in the request's node order) or an error.
 */
import { z } from 'zod';
import { METRIC_IDS } from './metrics';

const MetricIdSchema = z.enum(METRIC_IDS);

export const MetricsRequest = z.object({
  id: z.number().int(),
  nodes: z.array(z.string()),
  edges: z.array(
    z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number()]),
  ),
  metrics: z.array(MetricIdSchema).min(1),
});
export type MetricsRequest = z.infer<typeof MetricsRequest>;

export const MetricsReply = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    id: z.number().int(),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
    /** The metric being computed next (absent once all are done). */
    next: MetricIdSchema.optional(),
  }),
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    values: z.partialRecord(MetricIdSchema, z.array(z.number())),
    /** Milliseconds the worker spent computing. */
    ms: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('error'), id: z.number().int(), message: z.string() }),
]);
export type MetricsReply = z.infer<typeof MetricsReply>;
