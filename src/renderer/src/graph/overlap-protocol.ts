/**
 * Messages between the page and the overlap worker, parsed on arrival at either side: a request
 * carries the discs (screen pixels) as typed arrays, moved to the worker, and which passes to run;
 * the reply moves the new centres back, with the overlaps left and the largest move.
 */
import { z } from 'zod';

const Coordinates = z.instanceof(Float64Array);

export const OverlapRequest = z
  .object({
    id: z.number().int(),
    x: Coordinates,
    y: Coordinates,
    r: Coordinates,
    spread: z.boolean(),
    spreadPasses: z.number().int().positive(),
    separatePasses: z.number().int().positive(),
  })
  .refine((m) => m.x.length === m.r.length && m.y.length === m.r.length, {
    message: 'x, y and r must have one entry per disc',
    path: ['r'],
  });
export type OverlapRequest = z.infer<typeof OverlapRequest>;

export const OverlapReply = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('result'),
    id: z.number().int(),
    x: Coordinates,
    y: Coordinates,
    /** Overlapping pairs in the separation's last pass. */
    left: z.number().int().nonnegative(),
    /** The largest distance a disc moved, in pixels. */
    moved: z.number().nonnegative(),
    /** Milliseconds the worker spent. */
    ms: z.number().nonnegative(),
  }),
  z.object({ type: z.literal('error'), id: z.number().int(), message: z.string() }),
]);
export type OverlapReply = z.infer<typeof OverlapReply>;
