/**
 * Render-null: the layout lifecycle. ForceAtlas2 (see layout-runner) runs while the explorer
 * says so, with its current settings (a change carries the run on with the new ones) and with
 * the pinned nodes in place. The run stops on convergence, after a time limit (shorter when only
 * arrivals move) or when the analyst stops it; the drawing then settles (see settle). A settle
 * can also be asked for without a run, after a deterministic layout.
 */
import { useEffect } from 'react';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import { createConvergenceDetector, meanRelativeMovement } from './convergence';
import { countLaidOut, runForceAtlas2 } from './layout-runner';
import { cancelSettle, settleDrawing } from './settle';
import { useSigma } from './sigma-context';

const CHECK_EVERY_MS = 500;
const SAMPLE = 500;
const FA2_MAX_MS = 20_000;
const ARRIVALS_MAX_MS = 4_000;

export function ForceAtlas2Controller({
  explorer,
  maxMs = FA2_MAX_MS,
}: {
  explorer: Explorer;
  maxMs?: number;
}): null {
  const sigma = useSigma();
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const pinned = useStore(explorer.store, (s) => s.layoutPinned);
  const settings = useStore(explorer.store, (s) => s.layout.fa2);
  const settleRequest = useStore(explorer.store, (s) => s.settleRequest);
  const kind = useStore(explorer.store, (s) => s.layout.kind);

  // Dragging the stage or the wheel: the analyst placed the camera, no automatic fit after it.
  useEffect(() => {
    const captor = sigma.getMouseCaptor();
    const touched = (): void => explorer.touchCamera();
    const dragged = (e: { original: MouseEvent | TouchEvent }): void => {
      if ('buttons' in e.original && e.original.buttons > 0) explorer.touchCamera();
    };
    captor.on('wheel', touched);
    captor.on('mousemovebody', dragged);
    return () => {
      captor.off('wheel', touched);
      captor.off('mousemovebody', dragged);
    };
  }, [explorer, sigma]);

  useEffect(() => {
    if (settleRequest === 0) return;
    // The hierarchy keeps its rows as computed.
    void settleDrawing(explorer, sigma, {
      overlaps: explorer.store.get().layout.kind !== 'hierarchy',
    });
  }, [explorer, sigma, settleRequest]);

  useEffect(() => {
    if (!running) return;
    // A settle still under way would write positions over the new run's.
    cancelSettle(sigma);
    const graph = explorer.graph;
    const laidOut = countLaidOut(graph);
    if (laidOut < 2 || (pinned && pinned.size >= laidOut)) {
      explorer.setLayoutRunning(false);
      void settleDrawing(explorer, sigma);
      return;
    }
    const run = runForceAtlas2(graph, sigma, { settings, pinned });
    const nodes = graph.filterNodes((k) => !pinned?.has(k));
    const step = Math.max(1, Math.floor(nodes.length / SAMPLE));
    const keys = nodes.filter((_, i) => i % step === 0);
    const settled = createConvergenceDetector();
    let last = run.positions(keys);
    const started = performance.now();
    const limit = pinned ? Math.min(maxMs, ARRIVALS_MAX_MS) : maxMs;
    let stopped = false;
    const finish = (): void => {
      if (stopped) return;
      stopped = true;
      explorer.setLayoutCanceller(null);
      window.clearInterval(timer);
      run.stop();
      void settleDrawing(explorer, sigma, { overlaps: kind !== 'hierarchy' });
    };
    explorer.setLayoutCanceller(() => {
      if (stopped) return;
      stopped = true;
      window.clearInterval(timer);
      run.stop(false);
    });
    const timer = window.setInterval(() => {
      const now = run.positions(keys);
      const done = settled(meanRelativeMovement(last, now));
      last = now;
      // The graph was emptied under the run (e.g. a view held back by the guard): nothing to lay out.
      if (done || graph.order < 2 || performance.now() - started > limit) {
        finish();
        explorer.setLayoutRunning(false);
      }
    }, CHECK_EVERY_MS);
    return () => {
      if (stopped) return;
      explorer.setLayoutCanceller(null);
      // Stopped by the analyst: the drawing settles; new settings: the run carries on.
      if (!explorer.store.get().layoutRunning) finish();
      else {
        stopped = true;
        window.clearInterval(timer);
        run.stop();
      }
    };
  }, [explorer, sigma, running, pinned, settings, maxMs, kind]);

  return null;
}
