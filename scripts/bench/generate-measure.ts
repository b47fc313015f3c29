/** Measuring helpers: peak RSS of this process during a task, and the result table. */
export type Measured<T> = { value: T; seconds: number; peakRssBytes: number };

export async function measure<T>(task: () => Promise<T>): Promise<Measured<T>> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  try {
    const value = await task();
    const seconds = (performance.now() - started) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakRssBytes: peak };
  } finally {
    clearInterval(timer);
  }
}

export type BenchRow = {
  scenario: string;
  writer: string;
  batch: number;
  nodes: number;
  relationships: number;
  seconds: number;
  peakRssBytes: number | null;
};

const mb = (bytes: number | null): string =>
  bytes === null ? '-' : `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (value: number): string => Math.round(value).toLocaleString('en-US');

export function formatTable(rows: BenchRow[]): string {
  const header = [
    'scenario',
    'writer',
    'batch',
    'nodes',
    'rels',
    'seconds',
    'nodes/s',
    'rels/s',
    'rows/s',
    'peak RSS',
  ];
  const body = rows.map((r) => [
    r.scenario,
    r.writer,
    n(r.batch),
    n(r.nodes),
    n(r.relationships),
    r.seconds.toFixed(2),
    n(r.nodes / r.seconds),
    n(r.relationships / r.seconds),
    n((r.nodes + r.relationships) / r.seconds),
    mb(r.peakRssBytes),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
