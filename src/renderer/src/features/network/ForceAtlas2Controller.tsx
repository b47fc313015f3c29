/**
 * Render-null: runs ForceAtlas2 (see layout-runner) while the explorer says so. The run stops on
 * convergence or after a time limit, and leaves its last positions in the graph.
 */
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { createConvergenceDetector, meanRelativeMovement } from './convergence';
import { runForceAtlas2 } from './layout-runner';
import { useSigma } from './sigma-context';

const CHECK_EVERY_MS = 500;
const SAMPLE = 500;
const FA2_MAX_MS = 20_000;

export function ForceAtlas2Controller({
  explorer,
  maxMs = FA2_MAX_MS,
}: {
  explorer: Explorer;
  maxMs?: number;
}): null {
  const sigma = useSigma();
  const running = useStore(explorer.store, (s) => s.layoutRunning);

  useEffect(() => {
    if (!running) return;
    const graph = explorer.graph;
    if (graph.order < 2) {
      explorer.setLayoutRunning(false);
      return;
    }
    const run = runForceAtlas2(graph, sigma);
    const nodes = graph.nodes();
    const step = Math.max(1, Math.floor(nodes.length / SAMPLE));
    const keys = nodes.filter((_, i) => i % step === 0);
    const settled = createConvergenceDetector();
    let last = run.positions(keys);
    const started = performance.now();
    const timer = window.setInterval(() => {
      const now = run.positions(keys);
      const done = settled(meanRelativeMovement(last, now));
      last = now;
      if (done || performance.now() - started > maxMs) explorer.setLayoutRunning(false);
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      run.stop();
    };
  }, [explorer, sigma, running, maxMs]);

  return null;
}
