/** What a bench page reports (shared by the pages and the runner). */
export type LongTask = { ms: number; processMs: number; drawMs: number; writeBackMs: number };

export type BenchResult = {
  firstFrameMs: number;
  frameTimes: number[];
  longTasksDuringFa2: LongTask[] | null;
};

declare global {
  var __BENCH_RESULT__: BenchResult | { error: string } | undefined;
}
