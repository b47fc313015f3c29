/**
 * Render-null: runs ForceAtlas2 in a web worker while the explorer says so. The worker writes
 * positions back into the graph as it goes; the run stops on convergence or after a time limit.
 */
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { inferSettings } from 'graphology-layout-forceatlas2';
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { createConvergenceDetector, meanRelativeMovement } from './convergence';
import type { Positions } from './convergence';

const CHECK_EVERY_MS = 500;
const SAMPLE = 500;
export const FA2_MAX_MS = 20_000;

function samplePositions(explorer: Explorer, keys: readonly string[]): Positions {
  const out = new Map<string, { x: number; y: number }>();
  for (const key of keys) {
    if (explorer.graph.hasNode(key)) {
      const a = explorer.graph.getNodeAttributes(key);
      out.set(key, { x: a.x, y: a.y });
    }
  }
  return out;
}

export function ForceAtlas2Controller({
  explorer,
  maxMs = FA2_MAX_MS,
}: {
  explorer: Explorer;
  maxMs?: number;
}): null {
  const running = useStore(explorer.store, (s) => s.layoutRunning);

  useEffect(() => {
    if (!running) return;
    const graph = explorer.graph;
    if (graph.order < 2) {
      explorer.setLayoutRunning(false);
      return;
    }
    const settings = { ...inferSettings(graph), barnesHutOptimize: graph.order > 1000 };
    const layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
    const nodes = graph.nodes();
    const step = Math.max(1, Math.floor(nodes.length / SAMPLE));
    const keys = nodes.filter((_, i) => i % step === 0);
    const settled = createConvergenceDetector();
    let last = samplePositions(explorer, keys);
    const started = performance.now();
    layout.start();
    const timer = window.setInterval(() => {
      const now = samplePositions(explorer, keys);
      const done = settled(meanRelativeMovement(last, now));
      last = now;
      if (done || performance.now() - started > maxMs) explorer.setLayoutRunning(false);
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      layout.kill();
    };
  }, [explorer, running, maxMs]);

  return null;
}
