/**
 * The page's side of the overlap worker: one worker per settle, the discs moved to it as typed
 * arrays and back, its replies parsed before use; cancelling ends the worker at once.
 */
import type { Discs, OverlapPasses } from './overlap';
import { OverlapReply } from './overlap-protocol';
import type { OverlapRequest } from './overlap-protocol';

export class OverlapCancelled extends Error {
  constructor() {
    super('Overlap removal cancelled');
  }
}

export type OverlapWorker = {
  /** Separates the discs (moved to the worker: `discs` is unusable afterwards). */
  run: (
    discs: Discs,
    passes: OverlapPasses,
  ) => Promise<{ x: Float64Array; y: Float64Array; left: number; moved: number }>;
  /** Ends the worker; a run in progress rejects with OverlapCancelled. */
  close: () => void;
};

let nextId = 1;

export function startOverlapWorker(): OverlapWorker {
  const worker = new Worker(new URL('./overlap.worker.ts', import.meta.url), { type: 'module' });
  let pending: {
    id: number;
    resolve: (r: OverlapReply & { type: 'result' }) => void;
    reject: (e: Error) => void;
  } | null = null;
  const fail = (error: Error): void => {
    const p = pending;
    pending = null;
    p?.reject(error);
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = OverlapReply.safeParse(event.data);
    if (!parsed.success) {
      fail(new Error(`Unexpected reply from the overlap worker: ${parsed.error.message}`));
      return;
    }
    const reply = parsed.data;
    if (!pending || reply.id !== pending.id) return;
    if (reply.type === 'error') fail(new Error(reply.message));
    else {
      const p = pending;
      pending = null;
      p.resolve(reply);
    }
  });
  worker.addEventListener('error', (event) =>
    fail(new Error(event.message || 'The overlap worker failed')),
  );
  return {
    run: (discs, { spread, spreadPasses = 150, separatePasses = 60 }) =>
      new Promise((resolve, reject) => {
        if (pending) throw new Error('The overlap worker runs one request at a time');
        const id = nextId++;
        pending = {
          id,
          resolve: (r) => resolve({ x: r.x, y: r.y, left: r.left, moved: r.moved }),
          reject,
        };
        const request: OverlapRequest = { id, ...discs, spread, spreadPasses, separatePasses };
        worker.postMessage(request, [discs.x.buffer, discs.y.buffer, discs.r.buffer]);
      }),
    close: () => {
      worker.terminate();
      fail(new OverlapCancelled());
    },
  };
}
