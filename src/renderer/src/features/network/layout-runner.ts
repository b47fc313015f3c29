/**
 * ForceAtlas2 in a web worker, decoupled from drawing. The worker iterates on a copy of the
 * graph's structure (nothing listens to the copy, so taking each iteration's positions is cheap);
 * the drawn graph receives the latest positions in one batch per write-back, and each write-back
 * waits at least as long as the previous one and its frame took, so the main thread stays idle
 * at least half of the time even where a single frame is slow. Nodes without relationships stay
 * out of the run (they are gridded when it settles); pinned nodes keep their place.
 */
import Graph from 'graphology';
import { inferSettings } from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { Point } from '../../graph/layouts';
import type { Fa2Settings } from '../../state/view-state';
import type { SigmaGraph } from '../../graph/visual';
import type { SigmaInstance } from '../../state/explorer';
import type { Positions } from './convergence';

export const WRITE_BACK_MEASURE = 'network: layout write-back';

/** About 30 position updates per second where frames are cheap. */
const MIN_WRITE_BACK_MS = 33;

export type LayoutRun = {
  /** Latest positions of some nodes, straight from the layout (ahead of the drawing). */
  positions: (keys: readonly string[]) => Positions;
  /** Stops the worker and writes its final positions into the graph (unless told not to). */
  stop: (writeFinal?: boolean) => void;
};

type ShadowNode = Point & { fixed?: boolean };
type Shadow = Graph<ShadowNode, { weight: number }>;

export type RunOptions = {
  settings: Fa2Settings;
  /** Nodes that keep their place (the drawing's existing nodes when others join it). */
  pinned: ReadonlySet<string> | null;
};

function copyStructure(graph: SigmaGraph, pinned: RunOptions['pinned']): Shadow {
  const shadow: Shadow = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
  graph.forEachNode((key, a) => {
    if (graph.degreeWithoutSelfLoops(key) === 0) return;
    shadow.addNode(key, pinned?.has(key) ? { x: a.x, y: a.y, fixed: true } : { x: a.x, y: a.y });
  });
  graph.forEachEdge((_edge, a, source, target) => {
    if (source !== target) shadow.addDirectedEdge(source, target, { weight: a.size });
  });
  return shadow;
}

function startWorker(shadow: Shadow, moved: () => void, options: RunOptions): FA2Layout {
  shadow.on('eachNodeAttributesUpdated', moved);
  const s = options.settings;
  const settings = {
    ...inferSettings(shadow),
    gravity: s.gravity,
    strongGravityMode: s.strongGravityMode,
    scalingRatio: s.scalingRatio,
    linLogMode: s.linLogMode,
    edgeWeightInfluence: s.edgeWeightInfluence,
    barnesHutOptimize: s.barnesHutOptimize ?? shadow.order > 1000,
  };
  const layout = new FA2Layout(shadow, {
    settings,
    getEdgeWeight: s.edgeWeightInfluence > 0 ? 'weight' : null,
  });
  layout.start();
  return layout;
}

/** Nodes the layout moves: those with a relationship to another node. */
export const countLaidOut = (graph: SigmaGraph): number =>
  graph.filterNodes((key) => graph.degreeWithoutSelfLoops(key) > 0).length;

export function runForceAtlas2(
  graph: SigmaGraph,
  sigma: SigmaInstance,
  options: RunOptions,
): LayoutRun {
  // Set when the worker has delivered positions the drawing does not show yet.
  let fresh = false;
  const moved = (): void => {
    fresh = true;
  };
  let shadow = copyStructure(graph, options.pinned);
  let layout = startWorker(shadow, moved, options);
  let writeMs = 0;
  let renderMs = 0;
  let renderStarted = 0;
  let timer = 0;
  let restart = 0;

  const writeBack = (): void => {
    fresh = false;
    const started = performance.now();
    const moved: string[] = [];
    shadow.forEachNode((key, p) => {
      if (!graph.hasNode(key)) return;
      const attrs = graph.getNodeAttributes(key);
      attrs.x = p.x;
      attrs.y = p.y;
      moved.push(key);
    });
    // Written in place, then sigma reads the moved nodes once: the graph's update event would
    // have it read every node twice (in its handler, then in the refresh it asks for).
    if (sigma.getGraph() === graph)
      sigma.refresh({ partialGraph: { nodes: moved }, schedule: true });
    writeMs = performance.now() - started;
    // Visible in a performance profile, and lets the render bench tell this work apart.
    performance.measure(WRITE_BACK_MEASURE, { start: started, duration: writeMs });
    performance.clearMeasures(WRITE_BACK_MEASURE);
  };
  const tick = (): void => {
    // A worker iteration can outlast a write-back interval on large graphs: nothing to draw.
    if (fresh) writeBack();
    timer = window.setTimeout(tick, Math.max(MIN_WRITE_BACK_MS, writeMs + renderMs));
  };
  const beforeRender = (): void => {
    renderStarted = performance.now();
  };
  // A frame costs the main thread more than sigma's render: the browser then commits it, which
  // on a software GPU waits for the drawing. The next task starts once all of that is done.
  const afterRender = (): void => {
    const started = renderStarted;
    window.setTimeout(() => (renderMs = performance.now() - started), 0);
  };
  // Nodes or edges came or went: the worker starts again on the new structure, once however
  // many changes a filter or an expansion makes.
  const structureChanged = (): void => {
    if (restart) return;
    restart = window.setTimeout(() => {
      restart = 0;
      layout.kill();
      writeBack();
      shadow = copyStructure(graph, options.pinned);
      layout = startWorker(shadow, moved, options);
    }, 0);
  };
  const structural = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared'] as const;
  for (const e of structural) graph.on(e, structureChanged);
  sigma.on('beforeRender', beforeRender);
  sigma.on('afterRender', afterRender);
  timer = window.setTimeout(tick, MIN_WRITE_BACK_MS);

  return {
    positions: (keys) => {
      const out = new Map<string, Point>();
      for (const key of keys) {
        // Copied: the layout moves its position objects in place.
        if (shadow.hasNode(key)) out.set(key, { ...shadow.getNodeAttributes(key) });
      }
      return out;
    },
    stop: (writeFinal = true) => {
      window.clearTimeout(timer);
      window.clearTimeout(restart);
      for (const e of structural) graph.off(e, structureChanged);
      sigma.off('beforeRender', beforeRender);
      sigma.off('afterRender', afterRender);
      layout.kill();
      if (writeFinal) writeBack();
    },
  };
}
