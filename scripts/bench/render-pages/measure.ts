/**
 * In-page measurements shared by the app page and the bare sigma page: time to the first drawn
 * frame, frame times over a scripted pan/zoom, and main-thread long tasks over a time window.
 */
import type { Camera } from 'sigma';
import { WRITE_BACK_MEASURE } from '../../../src/renderer/src/features/network/layout-runner';

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

/** A main-thread long task, with the part of it spent inside sigma's render. */
export type LongTask = {
  ms: number;
  /** Sigma indexing the graph's data for its programs (JavaScript, inside a render). */
  processMs: number;
  /** The rest of sigma's render: WebGL calls and label drawing. */
  drawMs: number;
  /** The app copying layout positions into the drawn graph (sigma's per-node update included). */
  writeBackMs: number;
};

/** What the watcher needs of a sigma instance (the app's and the bare page's differ in types). */
export type RenderEvents = {
  on(
    event: 'beforeRender' | 'afterRender' | 'beforeProcess' | 'afterProcess',
    fn: () => void,
  ): void;
};

type Span = [number, number];

const overlap = (spans: readonly Span[], start: number, end: number): number =>
  spans.reduce((sum, [a, b]) => sum + Math.max(0, Math.min(b, end) - Math.max(a, start)), 0);

/**
 * Long tasks over a window, each split by the time sigma spent rendering during it: indexing
 * (process) and drawing, and by the app's position write-back. What remains is everything else
 * on the main thread: other JavaScript, GC, and the browser committing the frame (which on a
 * software GPU waits for the drawing).
 */
export function watchLongTasks(sigma: RenderEvents): () => LongTask[] {
  const tasks: Span[] = [];
  const renders: Span[] = [];
  const processes: Span[] = [];
  const writeBacks: Span[] = [];
  let watching = true;
  let renderStart = 0;
  let processStart = 0;
  sigma.on('beforeRender', () => (renderStart = performance.now()));
  sigma.on('afterRender', () => {
    if (watching) renders.push([renderStart, performance.now()]);
  });
  sigma.on('beforeProcess', () => (processStart = performance.now()));
  sigma.on('afterProcess', () => {
    if (watching) processes.push([processStart, performance.now()]);
  });
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const span: Span = [e.startTime, e.startTime + e.duration];
      if (e.entryType === 'longtask') tasks.push(span);
      else if (e.name === WRITE_BACK_MEASURE) writeBacks.push(span);
    }
  });
  observer.observe({ entryTypes: ['longtask', 'measure'] });
  return () => {
    watching = false;
    observer.disconnect();
    return tasks.map(([start, end]) => {
      const processMs = overlap(processes, start, end);
      const renderMs = overlap(renders, start, end);
      const writeBackMs = overlap(writeBacks, start, end);
      return { ms: end - start, processMs, drawMs: Math.max(0, renderMs - processMs), writeBackMs };
    });
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Mirrors scripts/bench/render-result.ts (the runner's side, compiled for Node). */
export type BenchResult = {
  firstFrameMs: number;
  frameTimes: number[];
  longTasksDuringFa2: LongTask[] | null;
};

declare global {
  var __BENCH_RESULT__: BenchResult | { error: string } | undefined;
  /** The phase under way, so a profiler can attach to one of them. */
  var __BENCH_PHASE__: 'pan' | 'fa2' | undefined;
}
