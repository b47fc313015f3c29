/** Live progress of a generation job: a row per label and type with count, rate and time left. */
import type { GenerationJob } from '@shared/api';
import type { ProgressRow } from './progress';
import { etaSeconds, formatDuration, outcomeText, percent } from './progress';

export type GenerationProgressViewProps = { job: GenerationJob; rows: readonly ProgressRow[] };

const phaseText: Record<string, string> = {
  prepare: 'Preparing (constraints and indexes)…',
  nodes: 'Writing nodes…',
  relationships: 'Writing relationships…',
  rollback: 'Removing partial writes…',
  done: 'Finishing…',
};

export function GenerationProgressView({
  job,
  rows,
}: GenerationProgressViewProps): React.JSX.Element {
  const phase = job.progress?.phase ?? 'prepare';
  return (
    <div className="generation-progress" data-testid="generation-progress" data-status={job.status}>
      <p role="status">
        {job.status === 'running' ? phaseText[phase] : outcomeText(job)}
        {job.progress && ` · ${formatDuration(job.progress.elapsed_ms / 1000)} elapsed`}
      </p>
      {rows.length > 0 && (
        <table className="results-table">
          <thead>
            <tr>
              <th scope="col">Label / type</th>
              <th scope="col">Written</th>
              <th scope="col">Progress</th>
              <th scope="col">Rate</th>
              <th scope="col">Time left</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.phase}:${r.item}`} data-testid={`progress-${r.item}`}>
                <td>{r.item}</td>
                <td>
                  {r.done.toLocaleString('en-US')} / {r.total.toLocaleString('en-US')}
                </td>
                <td>
                  <progress max={100} value={percent(r.done, r.total)} /> {percent(r.done, r.total)}
                  %
                </td>
                <td>{Math.round(r.rate).toLocaleString('en-US')}/s</td>
                <td>{formatDuration(etaSeconds(r))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
