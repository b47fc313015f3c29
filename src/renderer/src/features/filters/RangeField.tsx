/** The field consultants' total plan assets range, in USD, over its distribution in the data. */
import type { Histogram } from '@shared/api';
import { formatUsd } from '../../graph/filter-fields';
import { HistogramBars } from './HistogramBars';

const parse = (text: string): number | undefined => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

export function RangeField({
  min,
  max,
  bounds,
  histogram,
  onChange,
  off = null,
}: {
  min: number | undefined;
  max: number | undefined;
  bounds: { min: number | null; max: number | null } | null;
  histogram: Histogram | undefined;
  onChange: (min: number | undefined, max: number | undefined) => void;
  /** Set when the range does not apply in the current mode. */
  off?: string | null;
}): React.JSX.Element {
  const hint =
    bounds && bounds.min !== null && bounds.max !== null
      ? `${formatUsd(bounds.min)} – ${formatUsd(bounds.max)}`
      : '';
  return (
    <fieldset
      className="filter-field"
      data-field="fc_total_plan_assets"
      disabled={off !== null}
      title={off ?? undefined}
    >
      <legend>FC total plan assets (USD)</legend>
      {off && <small className="muted why-off">{off}</small>}
      {histogram && (
        <HistogramBars
          histogram={histogram}
          min={min}
          max={max}
          format={formatUsd}
          onPick={(from, to) => onChange(Math.floor(from), Math.ceil(to))}
        />
      )}
      <div className="range">
        <input
          type="number"
          min={0}
          placeholder="min"
          aria-label="Minimum plan assets"
          value={min ?? ''}
          onChange={(e) => onChange(parse(e.target.value), max)}
        />
        <input
          type="number"
          min={0}
          placeholder="max"
          aria-label="Maximum plan assets"
          value={max ?? ''}
          onChange={(e) => onChange(min, parse(e.target.value))}
        />
      </div>
      {hint && <small className="muted">In the data: {hint}</small>}
    </fieldset>
  );
}
