/** Summary statistics of a render bench result. */
import type { BenchResult } from './render-result';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? 0;
}

export function summarise(r: BenchResult): { firstFrameMs: number; median: number; p95: number } {
  return {
    firstFrameMs: r.firstFrameMs,
    median: percentile(r.frameTimes, 50),
    p95: percentile(r.frameTimes, 95),
  };
}
