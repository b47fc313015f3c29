/**
 * Render-null: label and motion settings by graph size. Labels follow zoom and importance (the
 * label grid keeps the biggest node per cell); on large graphs labels and edges hide while the
 * camera moves, so panning stays fluid.
 */
import { useEffect, useState } from 'react';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { useSigma } from './sigma-context';

export const LARGE_GRAPH_NODES = 2000;

export function LabelsController({ explorer }: { explorer: Explorer }): null {
  const sigma = useSigma();
  const labels = useStore(explorer.store, (s) => s.appearance.labels);
  const [large, setLarge] = useState(false);

  useEffect(() => {
    const graph = sigma.getGraph();
    const update = (): void => setLarge(graph.order > LARGE_GRAPH_NODES);
    update();
    graph.on('nodeAdded', update);
    graph.on('nodeDropped', update);
    graph.on('cleared', update);
    return () => {
      graph.off('nodeAdded', update);
      graph.off('nodeDropped', update);
      graph.off('cleared', update);
    };
  }, [sigma]);

  useEffect(() => {
    sigma.setSettings({
      renderLabels: labels !== 'none',
      hideLabelsOnMove: large,
      hideEdgesOnMove: large,
      labelDensity: labels === 'all' ? 10 : 0.6,
      labelGridCellSize: 80,
      labelRenderedSizeThreshold: labels === 'all' ? 0 : large ? 9 : 6,
    });
  }, [sigma, labels, large]);

  return null;
}
