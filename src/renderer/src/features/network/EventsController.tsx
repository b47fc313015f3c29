/**
 * Render-null: turns sigma's pointer events into explorer verbs. Click selects, Shift/Ctrl(⌘)+click
 * adds a node to the selection or takes it out, double-click expands a node or a group (instead
 * of zooming), right-click opens the context menu, hover highlights. A relationship reacts a few
 * pixels around its line too, not only on it.
 */
import { useEffect } from 'react';
import { nearestEdge } from '../../graph/edge-hit';
import { isGroupKey } from '../../graph/grouping';
import type { ScreenEdge } from '../../graph/edge-hit';
import type { Explorer, SigmaInstance } from '../../state/explorer';
import { useSigma } from './sigma-context';

export type ContextMenuRequest = { node: string; x: number; y: number };

/** A click that adds to the selection rather than replacing it. */
const adds = (event: MouseEvent | TouchEvent): boolean =>
  event.shiftKey || event.ctrlKey || event.metaKey;

/** Edge picking costs a pass over every edge; it is on only for graphs of this size or less. */
const EDGE_EVENTS_MAX_EDGES = 20_000;

/** The drawn edge within the hit distance of a viewport point, if any. */
function edgeNear(sigma: SigmaInstance, point: { x: number; y: number }): string | null {
  if (!sigma.getSetting('enableEdgeEvents')) return null;
  const graph = sigma.getGraph();
  const edges: ScreenEdge[] = [];
  graph.forEachEdge((key, attrs, source, target) => {
    const s = sigma.getNodeDisplayData(source);
    const t = sigma.getNodeDisplayData(target);
    if (!s || !t || s.hidden || t.hidden || sigma.getEdgeDisplayData(key)?.hidden) return;
    edges.push({
      key,
      source: sigma.framedGraphToViewport(s),
      target: sigma.framedGraphToViewport(t),
      curvature: attrs.curvature ?? 0,
    });
  });
  return nearestEdge(point, edges);
}

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
    const container = sigma.getContainer();
    const syncEdgeEvents = (): void => {
      const wanted = graph.size <= EDGE_EVENTS_MAX_EDGES;
      if (sigma.getSetting('enableEdgeEvents') !== wanted)
        sigma.setSetting('enableEdgeEvents', wanted);
    };
    syncEdgeEvents();
    graph.on('edgeAdded', syncEdgeEvents);
    graph.on('edgeDropped', syncEdgeEvents);

    // Sigma reports edges under the exact pixel; near misses are found on screen geometry.
    let exactEdge: string | null = null;
    let frame = 0;
    const hoverEdge = (edge: string | null): void => {
      if (explorer.store.get().hoveredEdge !== edge) explorer.hoverEdge(edge);
      container.style.cursor = edge || explorer.store.get().hovered ? 'pointer' : '';
    };

    sigma.on('clickNode', ({ node, event }) => {
      onContextMenu(null);
      if (adds(event.original)) explorer.toggleSelected(node);
      else explorer.select({ kind: 'node', key: node });
    });
    sigma.on('clickEdge', ({ edge }) => {
      onContextMenu(null);
      explorer.select({ kind: 'edge', key: edge });
    });
    sigma.on('clickStage', ({ event }) => {
      onContextMenu(null);
      // A modified click beside the nodes keeps the selection being built.
      if (adds(event.original)) return;
      const edge = edgeNear(sigma, event);
      explorer.select(edge ? { kind: 'edge', key: edge } : null);
    });
    sigma.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      // Sigma reports a second click soon after another as a double-click only: a modified one
      // is a click that adds to (or takes from) the selection, never an expansion.
      if (adds(event.original)) {
        onContextMenu(null);
        explorer.toggleSelected(node);
        return;
      }
      // A group opens up; any other node brings in its neighbours.
      if (isGroupKey(node)) explorer.toggleGroup(node);
      else void explorer.expandNode(node);
    });
    sigma.on('rightClickNode', ({ node, event }) => {
      event.original.preventDefault();
      event.preventSigmaDefault();
      // The menu of a node among several selected acts on them; another node is selected.
      if (!explorer.drawnSelection().includes(node)) explorer.select({ kind: 'node', key: node });
      onContextMenu({ node, x: event.x, y: event.y });
    });
    sigma.on('enterNode', ({ node }) => {
      explorer.hover(node);
      hoverEdge(null);
    });
    sigma.on('leaveNode', () => {
      explorer.hover(null);
      hoverEdge(null);
    });
    sigma.on('enterEdge', ({ edge }) => {
      exactEdge = edge;
      hoverEdge(edge);
    });
    sigma.on('leaveEdge', () => {
      exactEdge = null;
      hoverEdge(null);
    });
    sigma.on('moveBody', ({ event }) => {
      if (frame || exactEdge || explorer.store.get().hovered) return;
      const at = { x: event.x, y: event.y };
      // One geometric pass per frame however fast the pointer moves.
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (!exactEdge && !explorer.store.get().hovered) hoverEdge(edgeNear(sigma, at));
      });
    });
    return () => {
      cancelAnimationFrame(frame);
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
        'enterEdge',
        'leaveEdge',
        'moveBody',
      ] as const) {
        sigma.removeAllListeners(name);
      }
    };
  }, [sigma, explorer, onContextMenu]);

  return null;
}
