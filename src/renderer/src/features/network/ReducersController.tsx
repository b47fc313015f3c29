/**
 * Render-null: highlights the hovered or selected node's neighbourhood, or the hovered or
 * selected relationship and its ends, or else the paths found between two nodes (everything
 * else fades)
 * through sigma's reducers, colours labels for the theme, and leaves edges out of the drawing
 * while ForceAtlas2 moves a large graph.
 */
import { useEffect } from 'react';
import { fadedColor } from '../../graph/appearance';
import type { EdgeAttributes, NodeAttributes } from '../../graph/visual';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { LARGE_GRAPH_NODES } from './LabelsController';
import { useSigma } from './sigma-context';
import { applySettings } from './sigma-settings';
import type { SigmaSettings } from './sigma-settings';

/** One object per theme, so an unchanged theme is recognised and costs no refresh. */
const LABEL_COLORS = { light: { color: '#212529' }, dark: { color: '#e9ecef' } } as const;

type EdgeReducer = SigmaSettings['edgeReducer'];
type NodeReducer = SigmaSettings['nodeReducer'];
const hideEdge: NonNullable<EdgeReducer> = (_edge, data) => ({ ...data, hidden: true });

export function ReducersController({
  explorer,
  theme,
}: {
  explorer: Explorer;
  theme: 'light' | 'dark';
}): null {
  const sigma = useSigma();
  const hovered = useStore(explorer.store, (s) => s.hovered);
  const hoveredEdge = useStore(explorer.store, (s) => s.hoveredEdge);
  const selection = useStore(explorer.store, (s) => s.selection);
  const picked = useStore(explorer.store, (s) => s.selectedNodes);
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const paths = useStore(explorer.store, (s) => s.paths);

  useEffect(() => {
    const graph = explorer.graph;
    const selectedNode = selection?.kind === 'node' ? selection.key : null;
    const selectedEdge = selection?.kind === 'edge' ? selection.key : null;
    // Nodes added to the selection (Shift/Ctrl+click) stand out with the selected one.
    const selected = new Set(
      selectedNode ? (picked.includes(selectedNode) ? picked : [selectedNode]) : [],
    );
    // A hovered node or relationship takes over from the selection while the pointer is on it.
    const focusEdge = hovered ? null : (hoveredEdge ?? selectedEdge);
    const focus = hovered ?? (hoveredEdge ? null : selectedNode);
    const focused = hovered ? [hovered] : hoveredEdge ? [] : [...selected];
    const faded = fadedColor(theme);
    const near = new Set<string>();
    for (const node of focused) {
      if (!graph.hasNode(node)) continue;
      near.add(node);
      graph.forEachNeighbor(node, (n) => near.add(n));
    }
    if (focusEdge && graph.hasEdge(focusEdge)) {
      near.add(graph.source(focusEdge));
      near.add(graph.target(focusEdge));
    }
    const onPath = near.size === 0 && paths ? new Set(paths.edges) : null;
    if (onPath && paths) for (const n of paths.nodes) near.add(n);
    const ends = onPath && paths ? [paths.from, paths.to] : [];
    const active = near.size > 0;
    const highlightNode: NonNullable<NodeReducer> = (node, data) => {
      if (near.has(node)) {
        const highlighted = node === focus || selected.has(node) || ends.includes(node);
        return { ...data, forceLabel: true, highlighted, zIndex: 1 };
      }
      // The inner dot of `square-dot` fades too, or it would stand out from faded context.
      const fadedNode: NodeAttributes & { zIndex: number } = {
        ...data,
        color: faded,
        coreColor: faded,
        label: '',
        zIndex: 0,
      };
      return fadedNode;
    };
    const highlightEdge = (edge: string, data: EdgeAttributes & { zIndex?: number }) => {
      const touches =
        edge === focusEdge ||
        onPath?.has(edge) === true ||
        focused.includes(graph.source(edge)) ||
        focused.includes(graph.target(edge));
      return touches
        ? { ...data, size: Math.max(2, data.size * 1.5), zIndex: 1 }
        : { ...data, color: faded, zIndex: 0 };
    };
    // Edges of a large graph are the bulk of each frame; while the layout moves every node they
    // are left out and come back when it stops.
    const hideEdges = running && graph.order > LARGE_GRAPH_NODES;
    const edgeReducer: EdgeReducer = hideEdges ? hideEdge : active ? highlightEdge : null;
    applySettings(sigma, {
      labelColor: LABEL_COLORS[theme],
      nodeReducer: active ? highlightNode : null,
      edgeReducer,
    });
  }, [sigma, explorer, hovered, hoveredEdge, selection, picked, paths, theme, running]);

  return null;
}
