/**
 * In-page measurements shared by the app page and the bare sigma page: time to the first drawn
 * frame, frame times over a scripted pan/zoom, and main-thread long tasks over a time window.
 */
import type { Camera } from 'sigma';

export type BenchParams = { nodes: number; edges: number; frames: number; fa2Ms: number };

export function readParams(): BenchParams {
  const q = new URLSearchParams(window.location.search);
  const n = (k: string, d: number): number => Number(q.get(k) ?? d);
  return {
    nodes: n('nodes', 5000),
    edges: n('edges', 10000),
    frames: n('frames', 60),
    fa2Ms: n('fa2', 5000),
  };
}

const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));

/** Pans in a circle while zooming in and out; one camera step per animation frame. */
export async function panZoom(camera: Camera, frames: number): Promise<number[]> {
  const times: number[] = [];
  let prev = await nextFrame();
  for (let i = 0; i < frames; i++) {
    const t = (i / frames) * 2 * Math.PI;
    camera.setState({
      x: 0.5 + 0.2 * Math.cos(t),
      y: 0.5 + 0.2 * Math.sin(t),
      ratio: 0.6 + 0.4 * Math.sin(2 * t),
    });
    const now = await nextFrame();
    times.push(now - prev);
    prev = now;
  }
  // The last step's render happens in the frame after it.
  times.push((await nextFrame()) - prev);
  return times.slice(1);
}

export function watchLongTasks(): () => number[] {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) durations.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
  return () => {
    observer.disconnect();
    return durations;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Mirrors scripts/bench/render-result.ts (the runner's side, compiled for Node). */
export type BenchResult = {
  firstFrameMs: number;
  frameTimes: number[];
  longTasksDuringFa2: number[] | null;
};

declare global {
  var __BENCH_RESULT__: BenchResult | { error: string } | undefined;
}
