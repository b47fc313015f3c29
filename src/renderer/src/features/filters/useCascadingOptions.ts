/** Options narrowed by the draft filter (cascading), fetched after the draft settles. */
import { useEffect, useState } from 'react';
import type { FilterOptions } from '@shared/api';
import { useClient } from '../../client/context';
import type { FilterState } from '../../graph/filters';
import { isEmptyFilter, toFilterRequest } from '../../graph/filters';
import type { GraphMode } from '@shared/domain';

const SETTLE_MS = 300;

export function useCascadingOptions(
  draft: FilterState,
  mode: GraphMode,
  fallback: FilterOptions | null,
): FilterOptions | null {
  const client = useClient();
  const [narrowed, setNarrowed] = useState<{ key: string; options: FilterOptions } | null>(null);
  const key = `${mode}:${JSON.stringify(draft)}`;
  const empty = isEmptyFilter(draft);
  useEffect(() => {
    if (empty) return;
    let live = true;
    const timer = window.setTimeout(() => {
      client.getCascadingFilterOptions(toFilterRequest(draft, mode)).then(
        (options) => live && setNarrowed({ key, options }),
        // Narrowing is a convenience: on failure the panel keeps the unnarrowed options.
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // The draft is compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, empty]);
  return !empty && narrowed?.key === key ? narrowed.options : fallback;
}
