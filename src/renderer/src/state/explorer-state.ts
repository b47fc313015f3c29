/** Everything the explore screen shows, as one immutable value in one store. */
import type { GraphMode } from '@shared/domain';
import type { AppearanceState } from '../graph/appearance';
import type { DrawCapacity } from '../graph/draw-capacity';
import { decideDrawCapacity } from '../graph/draw-capacity';
import { DEFAULT_APPEARANCE } from '../graph/appearance';
import type { GraphData } from '@shared/api';
import type { Exploration } from '../graph/exploration';
import { EMPTY_GRAPH, startExploration } from '../graph/exploration';
import type { FilterState } from '../graph/filters';
import type { Grouping } from '../graph/grouping';
import { NO_GROUPING } from '../graph/grouping';
import type { History } from '../graph/history';
import { createHistory } from '../graph/history';
import type { MetricId } from '../graph/metrics';
import type { MetricValues } from '../graph/node-values';
import type { SyncProgress } from '../graph/visual';
import type { LayoutState } from './view-state';
import { DEFAULT_VIEW } from './view-state';

export type Selection = { kind: 'node'; key: string } | { kind: 'edge'; key: string } | null;

/** Shortest paths drawn and highlighted: their nodes and relationships (keys). */
type PathsHighlight = { from: string; to: string; nodes: string[]; edges: string[] };

type LoadState = {
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  /**
   * Totals of the last answer: matches before the cap, and whether it was cut. A view cut by
   * the cap comes without them (`totals: none`, so the server's cost follows the cap): they stay
   * null until the estimate has counted them.
   */
  totals: { nodes: number; relationships: number } | null;
  truncated: boolean;
  /** The answer held more than the guard allows and is not drawn. */
  tooLarge: boolean;
  /** What the answer was: the view of the filter, or a query's result shown in the network. */
  source: 'view' | 'query';
};

/**
 * A view arriving in chunks (the streamed compact format): what has come so far, drawn in place
 * of the present step until the whole graph is in, and how many nodes and relationships the
 * whole holds.
 */
type StreamState = {
  data: GraphData;
  nodes: number;
  relationships: number;
};

/** Computed metrics, and the computation under way (progress, or why the last one failed). */
type MetricsState = {
  values: MetricValues;
  /** Nodes the values were computed on. */
  nodes: number;
  /** Milliseconds the worker took for them. */
  ms: number | null;
  running: { done: number; total: number; next: MetricId | null } | null;
  error: string | null;
  /** Computations completed so far. */
  completed: number;
};
const NO_METRICS: MetricsState = {
  values: {},
  nodes: 0,
  ms: null,
  running: null,
  error: null,
  completed: 0,
};

export type ExplorerState = {
  mode: GraphMode;
  filters: FilterState;
  appearance: AppearanceState;
  metrics: MetricsState;
  layout: LayoutState;
  layoutRunning: boolean;
  /** Nodes the running layout keeps in place (those drawn before the latest arrivals). */
  layoutPinned: ReadonlySet<string> | null;
  /** Bumped when the drawing should settle now: overlap removal, isolated grid, camera fit. */
  settleRequest: number;
  /** Bumped each time the drawing has settled. */
  settled: number;
  /** A settle is under way (its overlap removal runs in a worker). */
  settling: boolean;
  history: History<Exploration>;
  /** Collapsed subtrees and grouping by a property, applied to whatever is loaded. */
  grouping: Grouping;
  load: LoadState;
  selection: Selection;
  /**
   * Every node selected, in the order they were picked: the selected node alone, or more added
   * with Shift/Ctrl+click (the last one picked is `selection`). Empty with no node selected.
   */
  selectedNodes: readonly string[];
  /** The node selected before the current one (the other end of "Paths to…"). */
  previousNode: string | null;
  /**
   * The paths dialog, open from a node towards another (null: not chosen yet); `find` looks for
   * the paths at once (both ends chosen by selecting them).
   */
  pathsDialog: { from: string; to: string | null; find: boolean } | null;
  paths: PathsHighlight | null;
  hovered: string | null;
  /** The relationship under the pointer (within its hit area). */
  hoveredEdge: string | null;
  /** Node count above which a result is not drawn unless the analyst insists. */
  maxDrawNodes: number;
  /** What this machine's WebGL was measured to draw (the cap unless the analyst set one). */
  drawCapacity: DrawCapacity;
  drawAnyway: boolean;
  /** Bumped when positions should be recomputed by the chosen layout. */
  layoutEpoch: number;
  /** A large graph being drawn in chunks: how far it has got (null: nothing under way). */
  drawing: SyncProgress | null;
  /** A large view still arriving: drawn as it comes (null: none). */
  stream: StreamState | null;
};

const UNPROBED = decideDrawCapacity(null);

export const initialExplorerState = (
  maxDrawNodes?: number,
  drawCapacity: DrawCapacity = UNPROBED,
): ExplorerState => ({
  mode: 'standard',
  filters: {},
  appearance: DEFAULT_APPEARANCE,
  metrics: NO_METRICS,
  layout: DEFAULT_VIEW.layout,
  layoutRunning: false,
  layoutPinned: null,
  settleRequest: 0,
  settled: 0,
  settling: false,
  history: createHistory(startExploration(EMPTY_GRAPH)),
  grouping: NO_GROUPING,
  load: {
    status: 'idle',
    error: null,
    totals: null,
    truncated: false,
    tooLarge: false,
    source: 'view',
  },
  selection: null,
  selectedNodes: [],
  previousNode: null,
  pathsDialog: null,
  paths: null,
  hovered: null,
  hoveredEdge: null,
  maxDrawNodes: maxDrawNodes ?? drawCapacity.maxNodes,
  drawCapacity,
  drawAnyway: false,
  layoutEpoch: 0,
  drawing: null,
  stream: null,
});

/**
 * The selected nodes: those picked when a node is selected (the selected one among them), the
 * selected node alone when it is not, none when no node is.
 */
export function selectedNodeKeys(s: ExplorerState): readonly string[] {
  if (s.selection?.kind !== 'node') return [];
  return s.selectedNodes.includes(s.selection.key) ? s.selectedNodes : [s.selection.key];
}

/**
 * How many nodes matched, as the screen says it: the count, or, for an answer cut by the cap
 * (`limit`) and not counted yet, more than the cap; null before any answer.
 */
export function matchedNodes(load: ExplorerState['load'], limit: number): string | null {
  if (load.totals) return load.totals.nodes.toLocaleString('en-US');
  return load.truncated ? `more than ${limit.toLocaleString('en-US')}` : null;
}
