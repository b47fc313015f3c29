/**
 * Generation progress as the dialog shows it: one row per label or relationship type with its
 * count, rate and time left, built up from the snapshots the server streams.
 */
import type { GenerationJob, GenerationProgress, GenerationResult } from '@shared/api';

export type ProgressRow = {
  item: string;
  phase: 'nodes' | 'relationships';
  done: number;
  total: number;
  rate: number;
};

export function recordProgress(
  rows: readonly ProgressRow[],
  p: GenerationProgress | null,
): ProgressRow[] {
  if (!p || !p.item || (p.phase !== 'nodes' && p.phase !== 'relationships')) return [...rows];
  const row: ProgressRow = {
    item: p.item,
    phase: p.phase,
    done: p.done,
    total: p.total,
    rate: p.rate,
  };
  const at = rows.findIndex((r) => r.item === p.item && r.phase === p.phase);
  if (at < 0) return [...rows, row];
  return rows.map((r, i) => (i === at ? row : r));
}

/**
 * A finished run's counts are the final word: every label and type it wrote shows as complete,
 * even where the stream skipped the last snapshot of a step.
 */
export function completeRows(
  rows: readonly ProgressRow[],
  result: GenerationResult,
): ProgressRow[] {
  let out = [...rows];
  const finish = (phase: ProgressRow['phase'], counts: Record<string, number>): void => {
    for (const [item, total] of Object.entries(counts)) {
      const rate = out.find((r) => r.item === item && r.phase === phase)?.rate ?? 0;
      out = recordProgress(out, { phase, item, done: total, total, rate, elapsed_ms: 0 });
    }
  };
  finish('nodes', result.nodes_by_label);
  finish('relationships', result.relationships_by_type);
  return out;
}

/** Seconds left for a row at its current rate; null when unknown. */
export function etaSeconds(row: ProgressRow): number | null {
  if (row.done >= row.total) return 0;
  if (row.rate <= 0) return null;
  return (row.total - row.done) / row.rate;
}

export const percent = (done: number, total: number): number =>
  total <= 0 ? 0 : Math.min(100, Math.round((done / total) * 100));

export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return '<1 s';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

export const isFinished = (job: GenerationJob): boolean => job.status !== 'running';

/** One sentence on how a job ended. */
export function outcomeText(job: GenerationJob): string {
  switch (job.status) {
    case 'running':
      return 'Running…';
    case 'succeeded': {
      const r = job.result;
      if (!r) return 'Done.';
      const replaced = r.replaced
        ? ` (replaced ${r.replaced.nodes.toLocaleString('en-US')} nodes)`
        : '';
      return `Done: ${r.total_nodes.toLocaleString('en-US')} nodes and ${r.total_relationships.toLocaleString('en-US')} relationships in ${r.seconds.toFixed(1)} s${replaced}.`;
    }
    case 'cancelled':
      return job.rolled_back
        ? 'Cancelled. Its partial writes were removed; the database is as it was before.'
        : 'Cancelled.';
    case 'failed':
      return `Failed: ${job.error?.message ?? 'unknown error'}${job.rolled_back ? ' Its partial writes were removed.' : ''}`;
  }
}
