/**
 * Work on many items split into chunks, yielding to the browser between them so no single task
 * holds the main thread much beyond a budget. Each chunk's size follows from how long the
 * previous one took, so a slow machine gets smaller chunks and a fast one fewer yields.
 */

export type ChunkOptions = {
  /** Longest a chunk should take. */
  budgetMs: number;
  /** Size of the first chunk (later ones follow the measured rate). */
  firstSize: number;
  /** Lets the browser run (paint, input) before the next chunk. */
  yieldNow: () => Promise<void>;
  now: () => number;
  /** Checked before each chunk: true gives up (a newer load replaced this one). */
  cancelled?: () => boolean;
  /** Told after each chunk how many items are done. */
  progress?: (done: number) => void;
};

const MIN_CHUNK = 100;

/** Graphs over this many nodes are synced into the drawing in chunks (and streamed in). */
export const CHUNKED_SYNC_NODES = 1000;

/** The next chunk's size: what the measured rate fits in the budget, at most double the last. */
export function nextChunkSize(size: number, elapsedMs: number, budgetMs: number): number {
  if (elapsedMs <= 0) return size * 2;
  const fits = Math.floor((size * budgetMs) / elapsedMs);
  return Math.max(MIN_CHUNK, Math.min(size * 2, fits));
}

/** Applies `apply` to consecutive slices of `items`: how many chunks, null when cancelled. */
export async function inChunks<T>(
  items: readonly T[],
  apply: (chunk: readonly T[]) => void,
  options: ChunkOptions,
): Promise<number | null> {
  let chunks = 0;
  let size = Math.max(1, options.firstSize);
  let start = 0;
  while (start < items.length) {
    if (options.cancelled?.()) return null;
    const began = options.now();
    apply(items.slice(start, start + size));
    start += size;
    chunks++;
    options.progress?.(Math.min(start, items.length));
    size = nextChunkSize(size, options.now() - began, options.budgetMs);
    if (start < items.length) await options.yieldNow();
  }
  return chunks;
}

/** A macrotask boundary: the browser may paint and handle input before it resolves. */
export const yieldToBrowser = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Whether a view still arriving is shown again after a chunk: each time what has arrived has
 * doubled since it was last shown (every showing derives the whole of it again, so the work over
 * a stream stays about twice that of the whole view), and once all of its nodes are in.
 */
export const showStreamPart = (shown: number, arrived: number, nodesWhole: boolean): boolean =>
  nodesWhole || shown === 0 || arrived >= 2 * shown;
