/** The dataset as drawn: the exploration's union with the grouping applied. */
import { useMemo } from 'react';
import { deriveDataset } from '../graph/exploration';
import { groupDataset } from '../graph/grouping';
import type { GroupedDataset } from '../graph/grouping';
import type { Explorer } from './explorer';
import { useStore } from './store';

export function useDrawnDataset(explorer: Explorer): GroupedDataset {
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const grouping = useStore(explorer.store, (s) => s.grouping);
  return useMemo(() => groupDataset(deriveDataset(exploration), grouping), [exploration, grouping]);
}
