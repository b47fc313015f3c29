/**
 * Render-null: derives dataset → visual attributes from the explorer's state and syncs them into
 * the one graph sigma draws, then starts the layout lifecycle for what arrived: a graph drawn
 * afresh is laid out by the chosen layout (a large one arrives in chunks, see chunked); nodes joining a drawing are placed near their drawn
 * neighbours and ForceAtlas2 runs briefly with the others pinned; remembered positions (undo,
 * a saved view) are restored as they were. Re-applies the chosen layout when asked to.
 */
import { useEffect, useMemo, useRef } from 'react';
import { moreCounts } from '../../graph/exploration';
import type { Point } from '../../graph/layouts';
import { createSigmaGraph, deriveVisual, syncGraph, syncGraphInChunks } from '../../graph/visual';
import { yieldToBrowser } from '../../graph/chunked';
import type { VisualGraph } from '../../graph/visual';
import { useDrawnDataset } from '../../state/drawn';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { arrivalPositions, layoutPositions } from './placement';
import { fitNodeSizes } from './settle';
import { applySettings, moveDetail } from './sigma-settings';

const BULK_LOAD_NODES = 1000;
/** Longest a chunk of the sync should hold the main thread (ms). */
const CHUNK_BUDGET_MS = 50;
const FIRST_CHUNK_NODES = 2000;

/** The visual graph less the nodes without any drawn relationship. */
function withoutIsolated(visual: VisualGraph): VisualGraph {
  const linked = new Set<string>();
  for (const e of visual.edges.values()) {
    if (e.source === e.target) continue;
    linked.add(e.source);
    linked.add(e.target);
  }
  return { nodes: new Map([...visual.nodes].filter(([k]) => linked.has(k))), edges: visual.edges };
}

export function GraphSyncController({ explorer }: { explorer: Explorer }): null {
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const metrics = useStore(explorer.store, (s) => s.metrics.values);
  const mode = useStore(explorer.store, (s) => s.mode);
  const hideIsolated = useStore(explorer.store, (s) => s.layout.hideIsolated);
  const layoutEpoch = useStore(explorer.store, (s) => s.layoutEpoch);
  const dataset = useDrawnDataset(explorer);
  const visual = useMemo(() => {
    const all = deriveVisual(dataset, appearance, moreCounts(exploration), metrics);
    return hideIsolated ? withoutIsolated(all) : all;
  }, [dataset, appearance, exploration, hideIsolated, metrics]);
  const lastEpoch = useRef(layoutEpoch);

  useEffect(() => {
    const graph = explorer.graph;
    const { layout } = explorer.store.get();
    const drawn = new Map<string, Point>();
    graph.forEachNode((key, a) => {
      if (visual.nodes.has(key)) drawn.set(key, { x: a.x, y: a.y });
    });
    const memory = explorer.takeRemembered();
    // A graph that shares no node with the new one is laid out afresh.
    const fresh = drawn.size === 0;
    const remembered = memory?.positions ?? null;
    const restoredAll =
      remembered !== null && [...visual.nodes.keys()].every((k) => remembered.has(k));
    let positions: Map<string, Point>;
    if (fresh && !restoredAll) {
      positions = layoutPositions(dataset, visual, mode, layout.kind, layout.clusterBy);
    } else {
      if (remembered) for (const [k, p] of remembered) if (drawn.has(k)) drawn.set(k, p);
      positions = arrivalPositions(visual, drawn, remembered);
    }
    const arrivals = [...visual.nodes.keys()].filter((k) => !drawn.has(k) && !remembered?.has(k));
    // Restored positions are the picture: a layout still running must not move them.
    if (arrivals.length === 0 && remembered) explorer.cancelLayout();
    const place = (key: string): Point => positions.get(key) ?? { x: 0, y: 0 };
    const sigma = explorer.getSigma();
    const finish = (): void => {
      if (remembered) {
        graph.updateEachNodeAttributes(
          (key, a) => {
            const p = remembered.get(key);
            if (p) {
              a.x = p.x;
              a.y = p.y;
            }
            return a;
          },
          { attributes: ['x', 'y'] },
        );
      }
      if (sigma && sigma.getGraph() !== graph) sigma.setGraph(graph);
      if (arrivals.length === 0) {
        // The restored picture's node sizes follow from its nodes, as when it was drawn.
        if (remembered && sigma) fitNodeSizes(graph, sigma);
        if (memory?.camera) explorer.setCamera(memory.camera);
        return;
      }
      explorer.untouchCamera();
      explorer.markArrival();
      if (fresh && !remembered) {
        if (layout.kind === 'forceatlas2') explorer.setLayoutRunning(true);
        else explorer.requestSettle();
        return;
      }
      const arrived = new Set(arrivals);
      explorer.setLayoutRunning(true, new Set(graph.filterNodes((k) => !arrived.has(k))));
    };
    // The sync touches every node and edge (added, dropped or updated), and sigma handles a
    // whole graph faster than one event per item: on a large graph it is detached while the
    // graph changes, in chunks with the browser running between them, then re-attached for
    // one full refresh.
    const large = Math.max(graph.order, visual.nodes.size) > BULK_LOAD_NODES;
    if (!large) {
      explorer.noteDrawing(null);
      syncGraph(graph, visual, place);
      explorer.noteSyncChunks(1);
      finish();
      return;
    }
    let cancelled = false;
    if (sigma) {
      sigma.setGraph(createSigmaGraph());
      applySettings(sigma, moveDetail(visual.nodes.size));
    }
    void syncGraphInChunks(
      graph,
      visual,
      place,
      {
        budgetMs: CHUNK_BUDGET_MS,
        firstSize: FIRST_CHUNK_NODES,
        yieldNow: yieldToBrowser,
        now: () => performance.now(),
        cancelled: () => cancelled,
      },
      explorer.noteDrawing,
    ).then((chunks) => {
      if (chunks === null) return;
      explorer.noteDrawing(null);
      explorer.noteSyncChunks(chunks);
      finish();
    });
    return () => {
      cancelled = true;
    };
  }, [explorer, dataset, visual, mode]);

  useEffect(() => {
    if (lastEpoch.current === layoutEpoch) return;
    lastEpoch.current = layoutEpoch;
    const { layout } = explorer.store.get();
    explorer.untouchCamera();
    explorer.markArrival();
    if (layout.kind === 'forceatlas2') {
      explorer.setLayoutRunning(true);
      return;
    }
    explorer.setLayoutRunning(false);
    const positions = layoutPositions(dataset, visual, mode, layout.kind, layout.clusterBy);
    explorer.graph.updateEachNodeAttributes(
      (key, attrs) => {
        const p = positions.get(key);
        if (p) {
          attrs.x = p.x;
          attrs.y = p.y;
        }
        return attrs;
      },
      { attributes: ['x', 'y'] },
    );
    explorer.requestSettle();
  }, [explorer, layoutEpoch, dataset, visual, mode]);

  return null;
}
