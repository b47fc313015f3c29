/**
 * Render-null: derives dataset → visual attributes from the explorer's state and syncs them into
 * the one graph sigma draws. Re-applies the chosen deterministic layout when asked to.
 */
import { useEffect, useMemo, useRef } from 'react';
import { moreCounts } from '../../graph/exploration';
import { createSigmaGraph, deriveVisual, syncGraph } from '../../graph/visual';
import { useDrawnDataset } from '../../state/drawn';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { createPlacer, layoutPositions } from './placement';

const BULK_LOAD_NODES = 1000;

export function GraphSyncController({ explorer }: { explorer: Explorer }): null {
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const mode = useStore(explorer.store, (s) => s.mode);
  const layoutKind = useStore(explorer.store, (s) => s.layoutKind);
  const layoutEpoch = useStore(explorer.store, (s) => s.layoutEpoch);
  const dataset = useDrawnDataset(explorer);
  const visual = useMemo(
    () => deriveVisual(dataset, appearance, moreCounts(exploration)),
    [dataset, appearance, exploration],
  );
  const lastEpoch = useRef(layoutEpoch);

  useEffect(() => {
    const graph = explorer.graph;
    let kept = 0;
    for (const key of visual.nodes.keys()) if (graph.hasNode(key)) kept++;
    // A graph that shares no node with the new one is laid out afresh.
    const fresh = kept === 0;
    const kind = explorer.store.get().layoutKind;
    // The sync touches every node and edge (added, dropped or updated), and sigma handles a
    // whole graph faster than one event per item: on a large graph it is detached while the
    // graph changes, then re-attached for one full refresh.
    const large = Math.max(graph.order, visual.nodes.size) > BULK_LOAD_NODES;
    const sigma = large ? explorer.getSigma() : null;
    sigma?.setGraph(createSigmaGraph());
    syncGraph(
      graph,
      visual,
      createPlacer(visual, () => layoutPositions(visual, mode, kind), fresh),
    );
    sigma?.setGraph(graph);
    if (fresh && graph.order > 1 && kind === 'forceatlas2') explorer.setLayoutRunning(true);
  }, [explorer, visual, mode]);

  useEffect(() => {
    if (lastEpoch.current === layoutEpoch) return;
    lastEpoch.current = layoutEpoch;
    if (layoutKind === 'forceatlas2') {
      explorer.setLayoutRunning(true);
      return;
    }
    explorer.setLayoutRunning(false);
    const positions = layoutPositions(visual, mode, layoutKind);
    explorer.graph.updateEachNodeAttributes((key, attrs) => ({
      ...attrs,
      ...(positions.get(key) ?? {}),
    }));
    void explorer.getSigma()?.getCamera().animatedReset({ duration: 300 });
  }, [explorer, layoutEpoch, layoutKind, visual, mode]);

  return null;
}
