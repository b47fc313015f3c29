/**
 * The layout bench's baseline on the same graph as a step's picture: plain ForceAtlas2 from
 * random positions (fixed seed, the settings graphology infers, Barnes-Hut over 1,000 nodes),
 * run until the app's own convergence test says it settled (checked every 500 ms, 20 s at
 * most), then noverlap (until it converges, 500 iterations at most) at the zoom that fits the
 * drawing into the same free area of the same canvas, with the nodes' on-screen sizes. Measured with the same measures as the app.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import {
  createConvergenceDetector,
  meanRelativeMovement,
} from '../../src/renderer/src/features/network/convergence';
import { measure, type Measures, type Snapshot } from './layout-picture';
import { seededRandom } from '../../src/shared/seeded-random';

const CHECK_EVERY_MS = 500;
const MAX_MS = 20_000;
const BATCH = 5;
const GAP_PX = 3;

type Attrs = { x: number; y: number; size: number };

const positions = (graph: Graph<Attrs>): Map<string, { x: number; y: number }> =>
  new Map(graph.mapNodes((k, a) => [k, { x: a.x, y: a.y }] as const));

function extent(graph: Graph<Attrs>) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_k, a) => {
    minX = Math.min(minX, a.x);
    minY = Math.min(minY, a.y);
    maxX = Math.max(maxX, a.x);
    maxY = Math.max(maxY, a.y);
  });
  return { minX, minY, maxX, maxY };
}

export function baseline(picture: Snapshot, seed = 42): { measures: Measures; settleMs: number } {
  const graph = new Graph<Attrs>({ multi: true, type: 'directed', allowSelfLoops: false });
  const next = seededRandom(seed);
  for (const n of picture.nodes) graph.addNode(n.key, { x: next(), y: next(), size: n.size });
  for (const [s, t] of picture.edges) if (s !== t) graph.addDirectedEdge(s, t);
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 1000 };
  const free = picture.canvas.free;
  const fw = free.right - free.left;
  const fh = free.bottom - free.top;
  const scaleOf = (): number => {
    const e = extent(graph);
    return Math.min(fw / Math.max(1e-9, e.maxX - e.minX), fh / Math.max(1e-9, e.maxY - e.minY));
  };

  const started = performance.now();
  const settled = createConvergenceDetector();
  let last = positions(graph);
  let lastCheck = started;
  for (;;) {
    forceAtlas2.assign(graph, { iterations: BATCH, settings });
    const now = performance.now();
    if (now - lastCheck < CHECK_EVERY_MS) continue;
    lastCheck = now;
    const current = positions(graph);
    const done = settled(meanRelativeMovement(last, current));
    last = current;
    if (done || now - started > MAX_MS) break;
  }
  {
    const scale = scaleOf();
    noverlap.assign(graph, {
      maxIterations: 500,
      inputReducer: (_k, a) => ({
        x: a.x * scale,
        y: a.y * scale,
        size: (a.size ?? 0) + GAP_PX / 2,
      }),
      outputReducer: (_k, p) => ({ x: p.x / scale, y: p.y / scale }),
      settings: { margin: 0, ratio: 1, expansion: 1.1, gridSize: 20 },
    });
  }
  const settleMs = performance.now() - started;

  // Framed into the free area, centred, as a camera fit would.
  const scale = scaleOf();
  const e = extent(graph);
  const ox = free.left + (fw - (e.maxX - e.minX) * scale) / 2;
  const oy = free.top + (fh - (e.maxY - e.minY) * scale) / 2;
  const nodes = graph.mapNodes((key, a) => ({
    key,
    x: ox + (a.x - e.minX) * scale,
    y: oy + (e.maxY - a.y) * scale,
    size: a.size,
  }));
  return { measures: measure({ nodes, labels: [], canvas: picture.canvas }), settleMs };
}
