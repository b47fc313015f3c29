/**
 * The explorer: the explore screen's state and the verbs that change it. It owns the one
 * graphology graph sigma draws and knows the sigma instance once the view mounts, so features
 * (export, saved views, smart queries) can read the graph and move the camera through it.
 */
import type Sigma from 'sigma';
import type { DrawCapacity } from '../graph/draw-capacity';
import type {
  GraphData,
  GraphEstimateInput,
  GraphNode,
  GraphRelationship,
  GraphResponse,
  PathsResponse,
} from '@shared/api';
import { LINKS_AMONG_MAX } from '@shared/api';
import { VIEW_NODE_PROPERTIES, type CompactChunk } from '@shared/compact-graph';
import type { Client, OperationInput, ViewRequest } from '@shared/contract';
import type { GraphMode } from '@shared/domain';
import type { AppearanceState } from '../graph/appearance';
import type { DataChange, Exploration } from '../graph/exploration';
import {
  applyDataChange,
  collapse,
  deriveDataset,
  deriveDatasetInChunks,
  EMPTY_GRAPH,
  expand,
  expandedNodes,
  expansionOf,
  include,
  pin,
  startExploration,
} from '../graph/exploration';
import type { FilterState } from '../graph/filters';
import type { GroupProperty } from '../graph/grouping';
import { NO_GROUPING, groupBy, groupDataset, toggleCollapsed } from '../graph/grouping';
import { normalizeFilters, viewOf } from '../graph/filters';
import {
  canRedo,
  canUndo,
  createHistory,
  mapHistory,
  pushHistory,
  redo,
  undo,
} from '../graph/history';
import { CHUNKED_SYNC_NODES, showStreamPart, yieldToBrowser } from '../graph/chunked';
import { capGraphData } from '../graph/guard';
import { createSigmaGraph, deriveVisualInChunks, primeVisual } from '../graph/visual';
import type { MetricId } from '../graph/metrics';
import { isMetricId, metricsInput } from '../graph/metrics';
import { ruleProperties } from '../graph/style-rules';
import type { MetricValues } from '../graph/node-values';
import { MetricsCancelled, runMetrics } from '../graph/metrics-runner';
import type { MetricsRun } from '../graph/metrics-runner';
import type { EdgeAttributes, NodeAttributes, SigmaGraph } from '../graph/visual';
import type { Point } from '../graph/layouts';
import { errorMessage } from './errors';
import type { ExplorerState, Selection } from './explorer-state';
import { initialExplorerState, selectedNodeKeys } from './explorer-state';
import { parseNodeKey } from './node-key';
import { createStore } from './store';
import type { Store } from './store';
import type { CameraState, LayoutKind, LayoutState, ViewState } from './view-state';
import { ViewState as ViewStateSchema } from './view-state';
import { primeDrawnDataset } from './drawn';

const NEIGHBOUR_PAGE = 50;

/** Chunks of a large view's derivation: about 50 ms each, the browser running between them. */
const DERIVE_CHUNKS = {
  budgetMs: 50,
  firstSize: 2000,
  yieldNow: yieldToBrowser,
  now: () => performance.now(),
};
/** What a rule reads without the full properties: the compact view's and the built-in fields. */
const DRAWN_PROPERTIES: ReadonlySet<string> = new Set([
  ...VIEW_NODE_PROPERTIES,
  'id',
  'name',
  'region',
  'label',
  'degree',
]);

export type SigmaInstance = Sigma<NodeAttributes, EdgeAttributes>;

export type Explorer = ReturnType<typeof createExplorer>;

/** Where nodes were and where the camera was: restored by undo/redo and by opening a view. */
export type Remembered = { positions: ReadonlyMap<string, Point>; camera: CameraState | null };

export function createExplorer(client: Client, maxDrawNodes?: number, drawCapacity?: DrawCapacity) {
  const store: Store<ExplorerState> = createStore(initialExplorerState(maxDrawNodes, drawCapacity));
  const graph: SigmaGraph = createSigmaGraph();
  let sigma: SigmaInstance | null = null;
  let loadSeq = 0;
  let inFlight: AbortController | null = null;
  let pendingCamera: CameraState | null = null;
  // The picture each exploration step was left with, and the one the next sync restores.
  const snapshots = new WeakMap<Exploration, Remembered>();
  let remembered: Remembered | null = null;
  let keepRemembered = false;
  let cameraTouched = false;
  let arrivedAt: number | null = null;
  let cancelRun: (() => void) | null = null;
  let lastSettleMs: number | null = null;
  let syncChunks = 0;
  let metricsRun: MetricsRun | null = null;

  const drawnPositions = (): Map<string, Point> => {
    const out = new Map<string, Point>();
    graph.forEachNode((key, a) => out.set(key, { x: a.x, y: a.y }));
    return out;
  };
  /** Records the present step's picture before the history moves away from it. */
  const leavePresent = (): void => {
    if (graph.order === 0) return;
    snapshots.set(store.get().history.present, {
      positions: drawnPositions(),
      camera: getCamera(),
    });
  };
  const patch = (p: Partial<ExplorerState>): void => store.set((s) => ({ ...s, ...p }));
  const setExploration = (next: ExplorerState['history']['present']): void => {
    leavePresent();
    store.set((s) => ({ ...s, history: pushHistory(s.history, next) }));
  };
  const moveHistory = (move: typeof undo): void => {
    leavePresent();
    store.set((s) => {
      const history = move(s.history);
      remembered = snapshots.get(history.present) ?? null;
      return { ...s, history };
    });
  };
  const setLayout = (layout: LayoutState, relayout: boolean): void =>
    store.set((s) => ({
      ...s,
      layout,
      layoutEpoch: relayout ? s.layoutEpoch + 1 : s.layoutEpoch,
    }));

  /**
   * The view request of the filter in the mode; fields that do not apply in the mode are left
   * out. A view cut by the cap is not counted (`totals: none`): `countTotals` counts it after.
   */
  function viewRequestOf(s: ExplorerState): ViewRequest {
    const view = viewOf(s.filters, s.mode);
    const limit = s.maxDrawNodes;
    if (view.view === 'region')
      return {
        operation: 'getRegionGraph',
        input: { region: view.region, mode: s.mode, limit, totals: 'none' },
      };
    return { operation: 'filterGraph', input: { ...view.filter, limit, totals: 'none' } };
  }

  /** The count of a view cut by the cap, under way. */
  let counting: AbortController | null = null;

  /**
   * Counts the view a load got without its totals (POST /graph/estimate); they fill the load's
   * totals unless a newer load came meanwhile. Without the count, the screen keeps saying "more
   * than" the cap.
   */
  function countTotals(seq: number, view: GraphEstimateInput): void {
    const controller = new AbortController();
    counting = controller;
    client.estimateGraph(view, { signal: controller.signal }).then(
      (totals) => {
        if (seq === loadSeq) patch({ load: { ...store.get().load, totals } });
      },
      () => undefined,
    );
  }

  /** A view's full JSON response: every property of its nodes and relationships. */
  const fullView = (request: ViewRequest, signal?: AbortSignal): Promise<GraphResponse> =>
    request.operation === 'getRegionGraph'
      ? client.getRegionGraph(request.input, { signal })
      : client.filterGraph(request.input, { signal });

  /** Bases loaded in the compact format (drawing properties only), and the request of each. */
  const compactBases = new WeakMap<GraphData, ViewRequest>();
  /** The full responses fetched for them (for exports), so a second export fetches nothing. */
  const fullBases = new WeakMap<GraphData, GraphResponse>();

  /** Gives up a view still arriving: the present step is drawn again. */
  const dropStream = (): void => {
    if (store.get().stream) patch({ stream: null, drawing: null });
  };

  /**
   * Loads the graph for the current filter and mode, streamed in the compact view format: a
   * large one is drawn chunk by chunk as it arrives (the drawing's chunked sync takes each), then
   * becomes one step. A newer load wins over an older one (and withdraws its request).
   * `cancelLoad` gives up waiting, keeping the graph drawn before.
   */
  async function load(): Promise<void> {
    const seq = ++loadSeq;
    const before = store.get();
    inFlight?.abort('Replaced by a newer request');
    counting?.abort('Replaced by a newer request');
    const controller = new AbortController();
    inFlight = controller;
    const request = viewRequestOf(before);
    patch({ load: { ...before.load, status: 'loading', error: null }, stream: null });
    const nodes: GraphNode[] = [];
    const relationships: GraphRelationship[] = [];
    let shown = 0;
    const onChunk = (chunk: CompactChunk): void => {
      if (seq !== loadSeq) return;
      const { header } = chunk;
      // Held back by the guard, or small enough to draw at once: nothing is drawn early.
      if (header.truncated && !store.get().drawAnyway) return;
      if (header.counts.nodes <= CHUNKED_SYNC_NODES) return;
      nodes.push(...chunk.nodes);
      relationships.push(...chunk.relationships);
      const arrived = nodes.length + relationships.length;
      const nodesWhole = chunk.nodes.length > 0 && nodes.length === header.counts.nodes;
      if (!showStreamPart(shown, arrived, nodesWhole)) return;
      shown = arrived;
      patch({
        stream: {
          data: { nodes: [...nodes], relationships: [...relationships] },
          nodes: header.counts.nodes,
          relationships: header.counts.relationships,
        },
      });
    };
    try {
      const res = await client.viewGraph(request, { signal: controller.signal, onChunk });
      if (seq !== loadSeq) return;
      const tooLarge = res.truncated && !store.get().drawAnyway;
      const base: GraphData = tooLarge ? { nodes: [], relationships: [] } : res;
      if (!tooLarge) compactBases.set(base, request);
      const exploration = startExploration(base);
      // A large view's dataset is derived ahead in chunks: in the drawing's render it would be
      // one long task.
      if (base.nodes.length > CHUNKED_SYNC_NODES) {
        const { grouping } = store.get();
        const dataset = await deriveDatasetInChunks(exploration, {
          ...DERIVE_CHUNKS,
          cancelled: () => seq !== loadSeq,
        });
        if (seq !== loadSeq || !dataset) return;
        const drawn = groupDataset(dataset, grouping);
        primeDrawnDataset(exploration, grouping, drawn);
        // And what the drawing derives from it: its visual graph, also in chunks.
        const { appearance, metrics } = store.get();
        const visual = await deriveVisualInChunks(drawn, appearance, new Map(), metrics.values, {
          ...DERIVE_CHUNKS,
          cancelled: () => seq !== loadSeq,
        });
        if (seq !== loadSeq || !visual) return;
        primeVisual(drawn, appearance, metrics.values, visual);
      }
      leavePresent();
      store.set((cur) => ({
        ...cur,
        history: pushHistory(cur.history, exploration),
        stream: null,
        selection: null,
        selectedNodes: [],
        paths: null,
        load: {
          status: 'ready',
          error: null,
          totals: res.totals,
          truncated: res.truncated,
          tooLarge,
          source: 'view',
        },
      }));
      if (res.totals === null) countTotals(seq, viewOf(before.filters, before.mode));
    } catch (error) {
      if (seq !== loadSeq) return;
      patch({
        stream: null,
        load: { ...store.get().load, status: 'error', error: errorMessage(error) },
      });
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  }

  /** The full response of a base loaded compact (fetched once). */
  async function fullBase(base: GraphData, request: ViewRequest): Promise<GraphResponse> {
    let full = fullBases.get(base);
    if (!full) {
      full = await fullView(request);
      fullBases.set(base, full);
    }
    return full;
  }

  /**
   * Gives the present step's base every property (style rules may use any): a base loaded in
   * the compact format is replaced, in place, by the same view in full JSON.
   */
  async function completeProperties(): Promise<void> {
    const present = store.get().history.present;
    const request = compactBases.get(present.base);
    if (!request) return;
    try {
      const full = await fullBase(present.base, request);
      store.set((s) =>
        s.history.present === present
          ? { ...s, history: { ...s.history, present: { ...present, base: full } } }
          : s,
      );
    } catch (error) {
      patch({ load: { ...store.get().load, status: 'error', error: errorMessage(error) } });
    }
  }

  /**
   * The drawn graph, with every property when `complete` (exports): a base that came in the compact format is
   * fetched again in full JSON once, and its nodes and relationships take their properties.
   */
  async function completeData(complete = true): Promise<GraphData> {
    const present = store.get().history.present;
    const dataset = deriveDataset(present);
    const nodes = [...dataset.nodes.values()];
    const relationships = [...dataset.edges.values()];
    const request = compactBases.get(present.base);
    if (!request || !complete) return { nodes, relationships };
    const full = await fullBase(present.base, request);
    // Nodes and relationships of later steps came in full: they win over the compact base's.
    const fullNodes = new Map(full.nodes.map((n) => [n.key, n]));
    for (const step of present.expansions) for (const n of step.data.nodes) fullNodes.set(n.key, n);
    const fullRels = new Map(full.relationships.map((r) => [r.key, r]));
    return {
      nodes: nodes.map((n) => {
        const properties = fullNodes.get(n.key)?.properties;
        return properties ? { ...n, properties } : n;
      }),
      relationships: relationships.map((r) => {
        const properties = fullRels.get(r.key)?.properties;
        return properties ? { ...r, properties } : r;
      }),
    };
  }

  /** A query result held back by the guard (drawn in part on request). */
  let heldQuery: GraphData | null = null;

  function showGraph(data: GraphData, whole = false): void {
    // A load still in flight must not replace what the analyst asked to see.
    loadSeq++;
    inFlight?.abort('Replaced by a query result');
    dropStream();
    const limit = store.get().maxDrawNodes;
    const tooLarge = !whole && data.nodes.length > limit;
    heldQuery = data.nodes.length > limit ? data : null;
    const drawn = tooLarge ? EMPTY_GRAPH : capGraphData(data, limit);
    const totals = { nodes: data.nodes.length, relationships: data.relationships.length };
    leavePresent();
    store.set((s) => ({
      ...s,
      history: pushHistory(s.history, startExploration(drawn, 'query')),
      selection: null,
      selectedNodes: [],
      paths: null,
      load: {
        status: 'ready',
        error: null,
        totals,
        truncated: drawn.nodes.length < data.nodes.length,
        tooLarge,
        source: 'query',
      },
    }));
  }

  /** Loads anew what the guard judged: the view, or the held query result under the limit. */
  function reload(): Promise<void> {
    if (store.get().load.source === 'view') return load();
    if (heldQuery) showGraph(heldQuery);
    return Promise.resolve();
  }

  function cancelLoad(): void {
    inFlight?.abort(
      'Cancelled: the database had not answered. The graph shown is the one drawn before.',
    );
  }

  async function expandNode(key: string, more = false): Promise<void> {
    const ref = parseNodeKey(key);
    if (!ref) return;
    const prior = more ? expansionOf(store.get().history.present, key) : null;
    try {
      const page = await client.getNeighbours({
        ...ref,
        limit: NEIGHBOUR_PAGE,
        offset: prior ? prior.loaded : 0,
      });
      setExploration(expand(store.get().history.present, page));
    } catch (error) {
      patch({ load: { ...store.get().load, status: 'error', error: errorMessage(error) } });
    }
  }

  /** Collapses a node's subtree into a group, or expands a group; the result is selected. */
  function toggleGroup(key: string): void {
    const s = store.get();
    const grouped = groupDataset(deriveDataset(s.history.present), s.grouping);
    const group = grouped.groups.get(key);
    const grouping = toggleCollapsed(s.grouping, key, group);
    const next = groupDataset(deriveDataset(s.history.present), grouping);
    const selected =
      group?.kind === 'subtree'
        ? group.root
        : [...next.groups.values()].find((g) => g.members.includes(key))?.key;
    const kept = selected && next.nodes.has(selected) ? selected : null;
    patch({
      grouping,
      selection: kept ? { kind: 'node', key: kept } : null,
      selectedNodes: kept ? [kept] : [],
    });
  }

  function select(selection: Selection): void {
    store.set((s) => {
      const before = s.selection?.kind === 'node' ? s.selection.key : null;
      const after = selection?.kind === 'node' ? selection.key : null;
      const moved = before !== null && after !== null && before !== after;
      return {
        ...s,
        selection,
        selectedNodes: after ? [after] : [],
        previousNode: moved ? before : s.previousNode,
        paths: selection ? s.paths : null,
      };
    });
  }

  /**
   * Shift/Ctrl+click: adds a node to the selected nodes (it becomes the one whose details show),
   * or takes it out when it is in already (the last one picked before it shows then).
   */
  function toggleSelected(key: string): void {
    store.set((s) => {
      const current = selectedNodeKeys(s);
      const next = current.includes(key) ? current.filter((k) => k !== key) : [...current, key];
      const last = next.at(-1) ?? null;
      const before = s.selection?.kind === 'node' ? s.selection.key : null;
      return {
        ...s,
        selection: last ? { kind: 'node', key: last } : null,
        selectedNodes: next,
        previousNode: before !== null && last !== null && before !== last ? before : s.previousNode,
        paths: last ? s.paths : null,
      };
    });
  }

  /** The selected nodes that are drawn, in the order they were picked. */
  const drawnSelection = (): string[] =>
    selectedNodeKeys(store.get()).filter((key) => graph.hasNode(key));

  /** The two selected nodes when exactly two are (drawn and not groups), else null. */
  function selectedPair(): [string, string] | null {
    const keys = drawnSelection();
    const [a, b] = keys;
    return keys.length === 2 && a && b && parseNodeKey(a) && parseNodeKey(b) ? [a, b] : null;
  }

  /** Finds the shortest paths, draws them (a step undo takes back) and highlights them. */
  async function findPaths(request: OperationInput<'findPaths'>): Promise<PathsResponse> {
    const result = await client.findPaths(request);
    if (result.paths.length > 0) {
      const from = `${request.from.label}:${request.from.id}`;
      const to = `${request.to.label}:${request.to.id}`;
      store.set((s) => ({
        ...s,
        history: pushHistory(s.history, include(s.history.present, from, result)),
        selection: null,
        selectedNodes: [],
        paths: {
          from,
          to,
          nodes: [...new Set(result.paths.flatMap((p) => p.nodes))],
          edges: [...new Set(result.paths.flatMap((p) => p.relationships))],
        },
      }));
    }
    return result;
  }

  /**
   * Shows a node found elsewhere (search, details): brings it in with its relationships to the
   * nodes already drawn when it is not drawn yet, selects and centres it.
   */
  async function showNode(node: GraphNode): Promise<void> {
    if (!graph.hasNode(node.key)) {
      const among = graph.nodes().slice(0, LINKS_AMONG_MAX);
      const ref = { label: node.label, id: node.id };
      try {
        const links = await client.getNodeLinks({ node: ref, among });
        setExploration(include(store.get().history.present, node.key, links));
      } catch (error) {
        // Without its relationships the node is still shown; the banner says what failed.
        setExploration(pin(store.get().history.present, node));
        patch({ load: { ...store.get().load, status: 'error', error: errorMessage(error) } });
      }
    }
    // The view adds the node on the next render; focus once it has a position.
    requestAnimationFrame(() => requestAnimationFrame(() => focusNode(node.key)));
  }

  /**
   * An edit changed the data: every step of the history shows it (an undo of exploration steps
   * never brings back what the database no longer holds). A deleted selection is let go.
   */
  function changeData(change: DataChange): void {
    store.set((s) => {
      const gone =
        (change.kind === 'node-deleted' || change.kind === 'relationship-deleted') &&
        s.selection?.key === change.key;
      return {
        ...s,
        history: mapHistory(s.history, (e) => applyDataChange(e, change)),
        selection: gone ? null : s.selection,
      };
    });
  }

  function focusNode(key: string): void {
    select({ kind: 'node', key });
    const data = sigma?.getNodeDisplayData(key);
    if (sigma && data) {
      // A chosen view: a settle finishing later keeps it instead of fitting the whole drawing.
      cameraTouched = true;
      void sigma.getCamera().animate({ x: data.x, y: data.y, ratio: 0.25 }, { duration: 400 });
    }
  }

  /**
   * Computes metrics on the drawn graph in the metrics worker; the values replace those of the
   * same metrics computed before. A newer computation replaces one under way.
   */
  async function computeMetrics(metrics: readonly MetricId[]): Promise<void> {
    metricsRun?.cancel();
    const input = metricsInput(
      graph.nodes(),
      graph.mapEdges((_e, _a, source, target) => ({ source, target })),
    );
    const run = runMetrics(input, metrics, (running) =>
      store.set((s) => ({ ...s, metrics: { ...s.metrics, running, error: null } })),
    );
    metricsRun = run;
    store.set((s) => ({
      ...s,
      metrics: {
        ...s.metrics,
        running: { done: 0, total: metrics.length, next: null },
        error: null,
      },
    }));
    try {
      const { values, ms } = await run.result;
      const computed: MetricValues = {};
      for (const m of metrics) {
        const list = values[m];
        if (list) computed[m] = new Map(input.nodes.map((k, i) => [k, list[i] ?? 0]));
      }
      store.set((s) => ({
        ...s,
        metrics: {
          values: { ...s.metrics.values, ...computed },
          nodes: input.nodes.length,
          ms,
          running: null,
          error: null,
          completed: s.metrics.completed + 1,
        },
      }));
    } catch (error) {
      if (metricsRun !== run) return;
      const message = error instanceof MetricsCancelled ? null : errorMessage(error);
      store.set((s) => ({ ...s, metrics: { ...s.metrics, running: null, error: message } }));
    } finally {
      if (metricsRun === run) metricsRun = null;
    }
  }

  function getCamera(): CameraState | null {
    if (!sigma) return pendingCamera;
    const { x, y, ratio, angle } = sigma.getCamera().getState();
    return { x, y, ratio, angle };
  }

  function setCamera(camera: CameraState): void {
    // A restored camera is the picture: a settle ending later does not fit over it.
    cameraTouched = true;
    if (!sigma) {
      pendingCamera = camera;
      return;
    }
    const current = sigma.getCamera();
    // A fit still animating would carry on over this state: its next frame lands here instead.
    if (current.isAnimated()) void current.animate(camera, { duration: 0 });
    current.setState(camera);
  }

  return {
    store,
    graph,
    load,
    cancelLoad,
    completeData,
    completeProperties,
    /** Sets the filter (normalised) and reloads. */
    applyFilters: (filters: FilterState): Promise<void> => {
      patch({ filters: normalizeFilters(filters), drawAnyway: false });
      return load();
    },
    setMode: (mode: GraphMode): Promise<void> => {
      patch({ mode, drawAnyway: false });
      return load();
    },
    setAppearance: (appearance: AppearanceState): void => patch({ appearance }),
    computeMetrics,
    /** Stops the metrics computation under way; the values computed before stay. */
    cancelMetrics: (): void => metricsRun?.cancel(),
    /** Lays the graph out anew with a layout (ForceAtlas2 starts running). */
    setLayoutKind: (kind: LayoutKind): void => setLayout({ ...store.get().layout, kind }, true),
    /** Changes layout settings; a running ForceAtlas2 carries on with them. */
    setLayoutSettings: (layout: LayoutState): void =>
      setLayout(layout, layout.clusterBy !== store.get().layout.clusterBy),
    /** Runs ForceAtlas2 (or stops it); `pinned` nodes keep their place while it runs. */
    setLayoutRunning: (layoutRunning: boolean, pinned: ReadonlySet<string> | null = null): void =>
      patch({ layoutRunning, layoutPinned: layoutRunning ? pinned : null }),
    /** Stops a running layout at once and leaves the drawing as it is (positions restored). */
    cancelLayout: (): void => {
      cancelRun?.();
      cancelRun = null;
      if (store.get().layoutRunning) patch({ layoutRunning: false, layoutPinned: null });
    },
    /** The running layout's way to stop without touching the drawing (null: none runs). */
    setLayoutCanceller: (cancel: (() => void) | null): void => {
      cancelRun = cancel;
    },
    /** Asks the drawing to settle now (overlap removal, isolated grid, camera fit). */
    requestSettle: (): void => store.set((s) => ({ ...s, settleRequest: s.settleRequest + 1 })),
    /** Nodes arrived: the time to settle counts from here. */
    markArrival: (): void => {
      arrivedAt = performance.now();
    },
    /** A settle started (true), or one was abandoned for a new layout or settle (false). */
    markSettling: (settling: boolean): void => {
      if (store.get().settling !== settling) store.set((s) => ({ ...s, settling }));
    },
    markSettled: (): void => {
      if (arrivedAt !== null) lastSettleMs = performance.now() - arrivedAt;
      arrivedAt = null;
      store.set((s) => ({ ...s, settled: s.settled + 1, settling: false }));
    },
    lastSettleMs: (): number | null => lastSettleMs,
    /** The picture the next sync restores (undo/redo, a view being opened); taken once. */
    takeRemembered: (): Remembered | null => {
      const out = remembered;
      if (!keepRemembered) remembered = null;
      return out;
    },
    /** The analyst moved the camera since the latest arrivals: no automatic fit then. */
    touchCamera: (): void => {
      cameraTouched = true;
    },
    untouchCamera: (): void => {
      cameraTouched = false;
    },
    cameraTouched: (): boolean => cameraTouched,
    setMaxDrawNodes: (maxDrawNodes: number): void => patch({ maxDrawNodes }),
    /** How many chunks the latest sync of the drawn graph took (1: at once). */
    noteSyncChunks: (n: number): void => {
      syncChunks = n;
    },
    syncChunks: (): number => syncChunks,
    /** How far the chunked drawing of a large graph has got (null: done, or none under way). */
    noteDrawing: (drawing: ExplorerState['drawing']): void => {
      if (drawing !== null || store.get().drawing !== null) patch({ drawing });
    },
    drawAnyway: (): Promise<void> => {
      if (store.get().load.source === 'query' && heldQuery) {
        showGraph(heldQuery, true);
        return Promise.resolve();
      }
      patch({ drawAnyway: true });
      return load();
    },
    reload,
    select,
    findPaths,
    openPaths: (from: string, to: string | null): void =>
      patch({ pathsDialog: { from, to, find: false } }),
    toggleSelected,
    drawnSelection,
    selectedPair,
    /** Shortest paths between the two selected nodes: the dialog opens and finds them at once. */
    pathsBetweenSelected: (): void => {
      const pair = selectedPair();
      if (pair) patch({ pathsDialog: { from: pair[0], to: pair[1], find: true } });
    },
    closePaths: (): void => patch({ pathsDialog: null }),
    hover: (hovered: string | null): void => patch({ hovered }),
    hoverEdge: (hoveredEdge: string | null): void => patch({ hoveredEdge }),
    expandNode,
    collapseNode: (key: string): void => setExploration(collapse(store.get().history.present, key)),
    toggleGroup,
    setGroupBy: (by: GroupProperty | null): void =>
      store.set((s) => ({
        ...s,
        grouping: groupBy(s.grouping, by),
        selection: null,
        selectedNodes: [],
      })),
    ungroup: (): void => patch({ grouping: NO_GROUPING, selection: null, selectedNodes: [] }),
    showNode,
    changeData,
    /** Adds a graph (e.g. a relationship just created, with its ends) as a step from a node. */
    addToView: (node: string, data: GraphData): void =>
      setExploration(include(store.get().history.present, node, data)),
    /** Keys of the drawn nodes within the view, nearest the centre first, at most `max`. */
    nodesInView: (max: number): string[] => {
      if (!sigma) return [];
      const { width, height } = sigma.getDimensions();
      const inView: [string, number][] = [];
      graph.forEachNode((key, attributes) => {
        const at = sigma?.graphToViewport(attributes);
        if (!at || at.x < 0 || at.y < 0 || at.x > width || at.y > height) return;
        inView.push([key, Math.hypot(at.x - width / 2, at.y - height / 2)]);
      });
      return inView
        .sort((a, b) => a[1] - b[1])
        .slice(0, max)
        .map(([key]) => key);
    },
    /**
     * Shows a graph from elsewhere (a query's result) as a new step; undo goes back. Over the
     * draw limit it goes through the guard like a view: held back, not drawn, until the analyst
     * draws its first part or raises the limit.
     */
    showGraph,
    focusNode,
    undo: (): void => moveHistory(undo),
    redo: (): void => moveHistory(redo),
    canUndo: (): boolean => canUndo(store.get().history),
    canRedo: (): boolean => canRedo(store.get().history),
    /** Called by the network view: camera and PNG export go through this instance. */
    attachSigma: (instance: SigmaInstance | null): void => {
      sigma = instance;
      if (sigma && pendingCamera) {
        sigma.getCamera().setState(pendingCamera);
        pendingCamera = null;
      }
    },
    getSigma: (): SigmaInstance | null => sigma,
    getCamera,
    setCamera,
    /** The serialisable view: filters, mode, appearance, layout, camera, positions, expansions. */
    getViewState: (): ViewState => {
      const s = store.get();
      const positions: Record<string, [number, number]> = {};
      graph.forEachNode((key, a) => (positions[key] = [a.x, a.y]));
      return {
        mode: s.mode,
        filters: s.filters,
        appearance: s.appearance,
        layout: s.layout,
        camera: getCamera(),
        positions,
        expanded: expandedNodes(s.history.present),
      };
    },
    /** Restores a view: reloads its graph, replays its expansions, then sets its camera. */
    applyViewState: async (input: unknown): Promise<void> => {
      const view = ViewStateSchema.parse(input);
      store.set((s) => ({
        ...s,
        mode: view.mode,
        filters: normalizeFilters(view.filters),
        appearance: view.appearance,
        layout: view.layout,
        drawAnyway: false,
        history: createHistory(s.history.present),
      }));
      // Every sync while the view opens puts its nodes where they were saved.
      const positions = new Map(
        Object.entries(view.positions ?? {}).map(([k, [x, y]]) => [k, { x, y }]),
      );
      remembered = view.positions ? { positions, camera: view.camera } : null;
      keepRemembered = true;
      try {
        await load();
        for (const key of view.expanded) await expandNode(key);
      } finally {
        // The syncs run when the view renders; the memory is let go after them.
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        keepRemembered = false;
        remembered = null;
      }
      if (view.camera) setCamera(view.camera);
      // Metrics are not saved with the view: its rules' metrics are computed on its graph again.
      const used = ruleProperties(view.appearance.rules);
      if (used.some((p) => !isMetricId(p) && !DRAWN_PROPERTIES.has(p))) await completeProperties();
      const metrics = used.filter(isMetricId);
      if (metrics.length > 0 && graph.order > 0) await computeMetrics(metrics);
    },
  };
}
