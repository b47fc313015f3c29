/**
 * The dataset as drawn: the exploration's union with the grouping applied — or, while a large
 * view is still arriving, what has come of it so far.
 */
import { useMemo } from 'react';
import type { GraphData } from '@shared/api';
import { deriveDataset, startExploration, type Exploration } from '../graph/exploration';
import { groupDataset } from '../graph/grouping';
import type { GroupedDataset, Grouping } from '../graph/grouping';
import type { Explorer } from './explorer';
import { useStore } from './store';

type DrawnInputs = { exploration: Exploration; streamed: GraphData | null; grouping: Grouping };

/** Datasets derived ahead (in chunks, see `deriveDatasetInChunks`) for a step not yet drawn. */
const primed = new WeakMap<Exploration, { grouping: Grouping; dataset: GroupedDataset }>();

/** Hands the drawn dataset of `exploration` under `grouping` to whichever component reads it. */
export function primeDrawnDataset(
  exploration: Exploration,
  grouping: Grouping,
  dataset: GroupedDataset,
): void {
  primed.set(exploration, { grouping, dataset });
}

/**
 * The drawn dataset of some inputs, derived once for every component that reads the same ones
 * (the drawing, the legend, the details): on a large graph one derivation is a long task.
 */
export function createDrawnCache(): (inputs: DrawnInputs) => GroupedDataset {
  let last: (DrawnInputs & { dataset: GroupedDataset }) | null = null;
  return (inputs) => {
    if (
      last &&
      last.exploration === inputs.exploration &&
      last.streamed === inputs.streamed &&
      last.grouping === inputs.grouping
    )
      return last.dataset;
    const { exploration, streamed, grouping } = inputs;
    const ahead = streamed ? undefined : primed.get(exploration);
    const dataset =
      ahead?.grouping === grouping
        ? ahead.dataset
        : groupDataset(
            deriveDataset(streamed ? startExploration(streamed) : exploration),
            grouping,
          );
    last = { ...inputs, dataset };
    return dataset;
  };
}

const drawnOf = new WeakMap<Explorer, ReturnType<typeof createDrawnCache>>();

export function useDrawnDataset(explorer: Explorer): GroupedDataset {
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const streamed = useStore(explorer.store, (s) => s.stream?.data ?? null);
  const grouping = useStore(explorer.store, (s) => s.grouping);
  return useMemo(() => {
    let drawn = drawnOf.get(explorer);
    if (!drawn) {
      drawn = createDrawnCache();
      drawnOf.set(explorer, drawn);
    }
    return drawn({ exploration, streamed, grouping });
  }, [explorer, exploration, streamed, grouping]);
}
