/**
 * Render-null: derives dataset → visual attributes from the explorer's state and syncs them into
 * the one graph sigma draws, then starts the layout lifecycle for what arrived: a graph drawn
 * afresh is laid out by the chosen layout (a large one arrives in chunks, see chunked); nodes joining a drawing are placed near their drawn
 * neighbours and ForceAtlas2 runs briefly with the others pinned; remembered positions (undo,
 * a saved view) are restored as they were. Re-applies the chosen layout when asked to.
 *
 * A large view streamed in (the explorer's `stream`) is synced chunk by chunk as it arrives, with
 * sigma detached and nothing laid out; once it is whole, it is placed and laid out as if it had
 * come at once, against the picture drawn before the stream began.
 */
import { useEffect, useMemo, useRef } from 'react';
import { moreCounts } from '../../graph/exploration';
import type { Point } from '../../graph/layouts';
import {
  createSigmaGraph,
  deriveVisual,
  primedVisual,
  syncGraph,
  syncGraphInChunks,
} from '../../graph/visual';
import { CHUNKED_SYNC_NODES, yieldToBrowser } from '../../graph/chunked';
import type { VisualGraph } from '../../graph/visual';
import { useDrawnDataset } from '../../state/drawn';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { arrivalPositions, layoutPositions } from './placement';
import { cancelSettle, fitNodeSizes } from './settle';
import { applySettings, moveDetail } from './sigma-settings';

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
    const more = moreCounts(exploration);
    const all =
      primedVisual(dataset, appearance, more, metrics) ??
      deriveVisual(dataset, appearance, more, metrics);
    return hideIsolated ? withoutIsolated(all) : all;
  }, [dataset, appearance, exploration, hideIsolated, metrics]);
  const lastEpoch = useRef(layoutEpoch);

  // The picture drawn before a stream began: the whole view is placed against it.
  const beforeStream = useRef<Map<string, Point> | null>(null);
  const streamReached = useRef({ nodes: 0, relationships: 0 });

  useEffect(() => {
    const graph = explorer.graph;
    const { layout, stream } = explorer.store.get();
    const sigma = explorer.getSigma();
    if (stream) {
      // Part of a view: in the drawing (detached from sigma) as it comes, laid out once whole.
      if (!beforeStream.current) {
        explorer.cancelLayout();
        streamReached.current = { nodes: 0, relationships: 0 };
        const before = new Map<string, Point>();
        graph.forEachNode((key, a) => before.set(key, { x: a.x, y: a.y }));
        beforeStream.current = before;
      }
      const before = beforeStream.current;
      if (sigma) {
        sigma.setGraph(createSigmaGraph());
        applySettings(sigma, moveDetail(stream.nodes));
      }
      let cancelled = false;
      const whole = { nodes: stream.nodes, relationships: stream.relationships };
      void syncGraphInChunks(
        graph,
        visual,
        (key) => before.get(key) ?? { x: 0, y: 0 },
        {
          budgetMs: CHUNK_BUDGET_MS,
          firstSize: FIRST_CHUNK_NODES,
          yieldNow: yieldToBrowser,
          now: () => performance.now(),
          cancelled: () => cancelled,
        },
        (p) => {
          // Each part syncs all that came so far: the count only goes up, nodes then relationships.
          const reached = streamReached.current;
          if (p.phase === 'nodes' && reached.relationships > 0) return;
          reached[p.phase] = Math.max(reached[p.phase], p.done);
          explorer.noteDrawing({
            phase: p.phase,
            done: reached[p.phase],
            total: Math.max(p.total, whole[p.phase]),
          });
        },
      );
      return () => {
        cancelled = true;
      };
    }
    // After a stream, the drawing holds its nodes at provisional places: what was drawn is the
    // picture from before it, and every node is put where the placement says.
    const streamed = beforeStream.current;
    beforeStream.current = null;
    const drawn = new Map<string, Point>();
    if (streamed) {
      for (const [key, p] of streamed) if (visual.nodes.has(key)) drawn.set(key, p);
    } else {
      graph.forEachNode((key, a) => {
        if (visual.nodes.has(key)) drawn.set(key, { x: a.x, y: a.y });
      });
    }
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
    // Restored positions are the picture: a layout or a settle still running must not move them.
    if (arrivals.length === 0 && remembered) {
      explorer.cancelLayout();
      if (sigma) cancelSettle(sigma);
    }
    const place = (key: string): Point => positions.get(key) ?? drawn.get(key) ?? { x: 0, y: 0 };
    const large = Math.max(graph.order, visual.nodes.size) > CHUNKED_SYNC_NODES;
    let cancelled = false;
    const finish = (): void => {
      if (streamed) {
        graph.updateEachNodeAttributes(
          (key, a) => {
            const p = place(key);
            a.x = p.x;
            a.y = p.y;
            return a;
          },
          { attributes: ['x', 'y'] },
        );
      }
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
    if (!large) {
      if (streamed && sigma) applySettings(sigma, moveDetail(visual.nodes.size));
      explorer.noteDrawing(null);
      syncGraph(graph, visual, place);
      explorer.noteSyncChunks(1);
      finish();
      return;
    }
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
      // After a stream its nodes are in already: the count goes on from the relationships.
      streamed
        ? (p) => {
            if (p.phase === 'relationships') explorer.noteDrawing(p);
          }
        : explorer.noteDrawing,
    ).then(async (chunks) => {
      if (chunks === null) return;
      // The last chunk's task ends first: attaching the graph to sigma is a long task of its own.
      await yieldToBrowser();
      if (cancelled) return;
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
