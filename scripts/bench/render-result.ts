/** What a bench page reports (shared by the pages and the runner). */
export type BenchResult = {
  firstFrameMs: number;
  frameTimes: number[];
  longTasksDuringFa2: number[] | null;
};

declare global {
  var __BENCH_RESULT__: BenchResult | { error: string } | undefined;
}
