/**
 * Render-null: turns sigma's pointer events into explorer verbs. Click selects, double-click
 * expands (instead of zooming), right-click opens the context menu, hover highlights.
 */
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { useSigma } from './sigma-context';

export type ContextMenuRequest = { node: string; x: number; y: number };

/** Edge picking costs a pass over every edge; it is on only for graphs of this size or less. */
const EDGE_EVENTS_MAX_EDGES = 20_000;

export function EventsController({
  explorer,
  onContextMenu,
}: {
  explorer: Explorer;
  onContextMenu: (request: ContextMenuRequest | null) => void;
}): null {
  const sigma = useSigma();

  useEffect(() => {
    const graph = sigma.getGraph();
    const syncEdgeEvents = (): void => {
      const wanted = graph.size <= EDGE_EVENTS_MAX_EDGES;
      if (sigma.getSetting('enableEdgeEvents') !== wanted)
        sigma.setSetting('enableEdgeEvents', wanted);
    };
    syncEdgeEvents();
    graph.on('edgeAdded', syncEdgeEvents);
    graph.on('edgeDropped', syncEdgeEvents);

    sigma.on('clickNode', ({ node }) => {
      onContextMenu(null);
      explorer.select({ kind: 'node', key: node });
    });
    sigma.on('clickEdge', ({ edge }) => {
      onContextMenu(null);
      explorer.select({ kind: 'edge', key: edge });
    });
    sigma.on('clickStage', () => {
      onContextMenu(null);
      explorer.select(null);
    });
    sigma.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      void explorer.expandNode(node);
    });
    sigma.on('rightClickNode', ({ node, event }) => {
      event.original.preventDefault();
      event.preventSigmaDefault();
      explorer.select({ kind: 'node', key: node });
      onContextMenu({ node, x: event.x, y: event.y });
    });
    sigma.on('enterNode', ({ node }) => explorer.hover(node));
    sigma.on('leaveNode', () => explorer.hover(null));
    return () => {
      graph.off('edgeAdded', syncEdgeEvents);
      graph.off('edgeDropped', syncEdgeEvents);
      for (const name of [
        'clickNode',
        'clickEdge',
        'clickStage',
        'doubleClickNode',
        'rightClickNode',
        'enterNode',
        'leaveNode',
      ] as const) {
        sigma.removeAllListeners(name);
      }
    };
  }, [sigma, explorer, onContextMenu]);

  return null;
}
