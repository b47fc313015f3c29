/**
 * Render-null: highlights the hovered or selected node's neighbourhood (everything else fades)
 * through sigma's reducers, and colours labels for the theme.
 */
import { useEffect } from 'react';
import { fadedColor } from '../../graph/appearance';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { useSigma } from './sigma-context';

export function ReducersController({
  explorer,
  theme,
}: {
  explorer: Explorer;
  theme: 'light' | 'dark';
}): null {
  const sigma = useSigma();
  const hovered = useStore(explorer.store, (s) => s.hovered);
  const selection = useStore(explorer.store, (s) => s.selection);

  useEffect(() => {
    const graph = sigma.getGraph();
    const selectedNode = selection?.kind === 'node' ? selection.key : null;
    const selectedEdge = selection?.kind === 'edge' ? selection.key : null;
    const focus = hovered ?? selectedNode;
    const faded = fadedColor(theme);
    const near = new Set<string>();
    if (focus && graph.hasNode(focus)) {
      near.add(focus);
      graph.forEachNeighbor(focus, (n) => near.add(n));
    }
    if (selectedEdge && graph.hasEdge(selectedEdge)) {
      near.add(graph.source(selectedEdge));
      near.add(graph.target(selectedEdge));
    }
    const active = near.size > 0;
    sigma.setSetting('labelColor', { color: theme === 'dark' ? '#e9ecef' : '#212529' });
    sigma.setSetting(
      'nodeReducer',
      active
        ? (node, data) =>
            near.has(node)
              ? {
                  ...data,
                  forceLabel: true,
                  highlighted: node === focus || node === selectedNode,
                  zIndex: 1,
                }
              : { ...data, color: faded, label: '', zIndex: 0 }
        : null,
    );
    sigma.setSetting(
      'edgeReducer',
      active
        ? (edge, data) => {
            const touches =
              edge === selectedEdge ||
              (focus !== null && (graph.source(edge) === focus || graph.target(edge) === focus));
            return touches
              ? { ...data, size: Math.max(2, data.size * 1.5), zIndex: 1 }
              : { ...data, color: faded, zIndex: 0 };
          }
        : null,
    );
  }, [sigma, hovered, selection, theme]);

  return null;
}
