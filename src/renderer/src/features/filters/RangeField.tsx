/** A range property's bounds (numbers, or ISO days for dates), over its distribution in the data. */
import { RANGE_FILTERS, RANGE_PROPERTIES, type Histogram, type RangeProperty } from '@shared/api';
import type { RangeBound } from '../../graph/filters';
import { formatBound, RANGE_TITLES } from '../../graph/filter-fields';
import { HistogramBars } from './HistogramBars';

const UNITS: Partial<Record<RangeProperty, string>> = {
  aum: 'USD',
  fc_total_plan_assets: 'USD',
  owns_value: 'USD',
};

function parse(property: RangeProperty, text: string): RangeBound | undefined {
  if (text.trim() === '') return undefined;
  if (RANGE_PROPERTIES[property].kind === 'date')
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined;
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function RangeField({
  property,
  min,
  max,
  histogram,
  onChange,
  off = null,
}: {
  property: RangeProperty;
  min: RangeBound | undefined;
  max: RangeBound | undefined;
  histogram: Histogram | undefined;
  onChange: (min: RangeBound | undefined, max: RangeBound | undefined) => void;
  /** Set when the range does not apply in the current mode. */
  off?: string | null;
}): React.JSX.Element {
  const date = RANGE_PROPERTIES[property].kind === 'date';
  const title = RANGE_TITLES[property];
  const unit = UNITS[property];
  const hint =
    histogram && histogram.min !== null && histogram.max !== null
      ? `${formatBound(property, histogram.min)} – ${formatBound(property, histogram.max)}`
      : '';
  const input = (bound: 'min' | 'max', value: RangeBound | undefined) => (
    <input
      type={date ? 'date' : 'number'}
      min={date ? undefined : 0}
      placeholder={bound}
      name={RANGE_FILTERS[property][bound]}
      aria-label={`${bound === 'min' ? 'Minimum' : 'Maximum'} ${title}`}
      value={value ?? ''}
      onChange={(e) => {
        const next = parse(property, e.target.value);
        if (bound === 'min') onChange(next, max);
        else onChange(min, next);
      }}
    />
  );
  return (
    <fieldset
      className="filter-field"
      data-field={property}
      disabled={off !== null}
      title={off ?? undefined}
    >
      <legend>
        {title}
        {unit ? ` (${unit})` : ''}
      </legend>
      {off && <small className="muted why-off">{off}</small>}
      {histogram && (
        <HistogramBars
          histogram={histogram}
          min={min}
          max={max}
          format={(v) => formatBound(property, v)}
          onPick={(from, to) =>
            date || typeof from === 'string' || typeof to === 'string'
              ? onChange(from, to)
              : onChange(Math.floor(from), Math.ceil(to))
          }
        />
      )}
      <div className="range">
        {input('min', min)}
        {input('max', max)}
      </div>
      {hint && <small className="muted">In the data: {hint}</small>}
    </fieldset>
  );
}
