/**
 * Read-your-writes for a client: the bookmark of its latest write, which it sends with every
 * operation that waits for one (the contract's `bookmark` role), so that a read reaching any API
 * instance, or a lagging database server, sees what the client wrote.
 */
import type { GenerationJob } from '@shared/api';

export type BookmarkHolder = {
  current: () => string | null;
  /** Keeps the bookmark of an output (a write's, or a finished job's) when it has one. */
  remember: (output: unknown) => void;
};

export function createBookmarkHolder(): BookmarkHolder {
  let last: string | null = null;
  return {
    current: () => last,
    remember: (output) => {
      const bookmark =
        typeof output === 'object' && output !== null && 'bookmark' in output
          ? (output as Pick<GenerationJob, 'bookmark'>).bookmark
          : null;
      if (typeof bookmark === 'string' && bookmark !== '') last = bookmark;
    },
  };
}
