/** The Metrics menu: which metrics to compute on the drawn graph, progress, and cancelling. */
import { useState } from 'react';
import { METRIC_IDS, METRIC_TITLES } from '../../graph/metrics';
import type { MetricId } from '../../graph/metrics';
import { useExplorer } from '../../state/context';
import { useStore } from '../../state/store';

export function MetricsForm(): React.JSX.Element {
  const explorer = useExplorer();
  const metrics = useStore(explorer.store, (s) => s.metrics);
  const [chosen, setChosen] = useState<ReadonlySet<MetricId>>(new Set(METRIC_IDS));
  const toggle = (m: MetricId, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(m);
    else next.delete(m);
    setChosen(next);
  };
  const running = metrics.running;
  return (
    <div className="metrics-form" data-testid="metrics-form">
      {METRIC_IDS.map((m) => (
        <label key={m} className="fa2-field">
          <input
            type="checkbox"
            data-metric={m}
            checked={chosen.has(m)}
            disabled={running !== null}
            onChange={(e) => toggle(m, e.target.checked)}
          />
          {METRIC_TITLES[m]}
        </label>
      ))}
      {running ? (
        <div className="metrics-progress" data-testid="metrics-progress">
          <progress value={running.done} max={running.total} />
          <span>
            {running.next ? `${METRIC_TITLES[running.next]}… ` : ''}({running.done}/{running.total})
          </span>
          <button type="button" data-testid="metrics-cancel" onClick={explorer.cancelMetrics}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          data-testid="metrics-compute"
          disabled={chosen.size === 0}
          onClick={() => void explorer.computeMetrics(METRIC_IDS.filter((m) => chosen.has(m)))}
        >
          Compute
        </button>
      )}
      {metrics.error && (
        <p className="error small" role="alert">
          {metrics.error}
        </p>
      )}
      {!running && metrics.ms !== null && (
        <p className="muted small" data-testid="metrics-done">
          Computed on {metrics.nodes.toLocaleString('en-US')} nodes in{' '}
          {Math.round(metrics.ms).toLocaleString('en-US')} ms (in a worker). Use them under Style.
        </p>
      )}
    </div>
  );
}
