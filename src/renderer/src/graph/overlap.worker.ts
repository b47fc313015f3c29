/** The overlap worker: separates the discs of each request off the page's main thread. */
import { removeDiscOverlaps } from './overlap';
import { OverlapRequest } from './overlap-protocol';
import type { OverlapReply } from './overlap-protocol';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = OverlapRequest.safeParse(event.data);
  if (!parsed.success) {
    const id = (event.data as { id?: unknown } | null)?.id;
    const reply: OverlapReply = {
      type: 'error',
      id: typeof id === 'number' && Number.isInteger(id) ? id : -1,
      message: `Invalid overlap request: ${parsed.error.message}`,
    };
    self.postMessage(reply);
    return;
  }
  const { id, x, y, r, spread, spreadPasses, separatePasses } = parsed.data;
  const started = performance.now();
  const { left, moved } = removeDiscOverlaps({ x, y, r }, { spread, spreadPasses, separatePasses });
  const reply: OverlapReply = {
    type: 'result',
    id,
    x,
    y,
    left,
    moved,
    ms: performance.now() - started,
  };
  self.postMessage(reply, [x.buffer, y.buffer]);
});
