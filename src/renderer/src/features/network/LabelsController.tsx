/**
 * Render-null: label and motion settings by graph size. Labels follow zoom and importance (the
 * label grid keeps the biggest node per cell); on large graphs labels and edges hide while the
 * camera moves, so panning stays fluid, and while ForceAtlas2 runs, so each of its position
 * updates costs one node-only frame.
 */
import { useEffect } from 'react';
import type { AppearanceState } from '../../graph/appearance';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { useSigma } from './sigma-context';
import { applySettings } from './sigma-settings';
import type { SigmaSettings } from './sigma-settings';

export const LARGE_GRAPH_NODES = 2000;

function labelSettings(
  labels: AppearanceState['labels'],
  large: boolean,
  layoutRunning: boolean,
): Partial<SigmaSettings> {
  return {
    renderLabels: labels !== 'none' && !(large && layoutRunning),
    hideLabelsOnMove: large,
    hideEdgesOnMove: large,
    labelDensity: labels === 'all' ? 10 : 0.6,
    labelGridCellSize: 80,
    labelRenderedSizeThreshold: labels === 'all' ? 0 : large ? 9 : 6,
  };
}

export function LabelsController({ explorer }: { explorer: Explorer }): null {
  const sigma = useSigma();
  const labels = useStore(explorer.store, (s) => s.appearance.labels);
  const running = useStore(explorer.store, (s) => s.layoutRunning);

  useEffect(() => {
    const graph = explorer.graph;
    let large: boolean | null = null;
    // Applied from the graph listener rather than through React state: during a bulk load sigma
    // is detached from the graph, so the switch re-indexes nothing and the load ends in one
    // full refresh instead of two.
    const update = (): void => {
      const now = graph.order > LARGE_GRAPH_NODES;
      if (now === large) return;
      large = now;
      applySettings(sigma, labelSettings(labels, now, running));
    };
    update();
    graph.on('nodeAdded', update);
    graph.on('nodeDropped', update);
    graph.on('cleared', update);
    return () => {
      graph.off('nodeAdded', update);
      graph.off('nodeDropped', update);
      graph.off('cleared', update);
    };
  }, [sigma, explorer, labels, running]);

  return null;
}
