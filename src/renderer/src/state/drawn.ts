/**
 * The dataset as drawn: the exploration's union with the grouping applied — or, while a large
 * view is still arriving, what has come of it so far.
 */
import { useMemo } from 'react';
import { deriveDataset, startExploration } from '../graph/exploration';
import { groupDataset } from '../graph/grouping';
import type { GroupedDataset } from '../graph/grouping';
import type { Explorer } from './explorer';
import { useStore } from './store';

export function useDrawnDataset(explorer: Explorer): GroupedDataset {
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const streamed = useStore(explorer.store, (s) => s.stream?.data ?? null);
  const grouping = useStore(explorer.store, (s) => s.grouping);
  return useMemo(
    () =>
      groupDataset(deriveDataset(streamed ? startExploration(streamed) : exploration), grouping),
    [exploration, streamed, grouping],
  );
}
