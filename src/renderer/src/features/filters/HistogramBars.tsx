/**
 * A property's distribution from the server as bars; the bins inside the chosen range stand
 * out, and clicking a bar sets the range to that bin.
 */
import type { Histogram } from '@shared/api';
import type { RangeBound } from '../../graph/filters';

/** Where a bound lies on the axis: numbers as they are, ISO days as epoch milliseconds. */
const position = (value: RangeBound): number =>
  typeof value === 'string' ? Date.parse(value) : value;

const WIDTH = 220;
const HEIGHT = 36;

export function HistogramBars({
  histogram,
  min,
  max,
  format,
  onPick,
}: {
  histogram: Histogram;
  min: RangeBound | undefined;
  max: RangeBound | undefined;
  format: (value: RangeBound) => string;
  onPick: (from: RangeBound, to: RangeBound) => void;
}): React.JSX.Element | null {
  const bins = histogram.bins;
  if (bins.length === 0) return null;
  const peak = Math.max(...bins.map((b) => b.count), 1);
  const step = WIDTH / bins.length;
  return (
    <svg
      className="histogram"
      data-testid={`histogram-${histogram.field}`}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Distribution of ${histogram.count} values`}
    >
      {bins.map((bin, i) => {
        const { from, to } = bin;
        const inside =
          (min === undefined || position(to) >= position(min)) &&
          (max === undefined || position(from) <= position(max));
        const h = bin.count === 0 ? 0 : Math.max(2, (bin.count / peak) * HEIGHT);
        return (
          <rect
            key={i}
            data-bin={i}
            data-count={bin.count}
            className={inside ? 'bar in-range' : 'bar'}
            x={i * step + 0.5}
            y={HEIGHT - h}
            width={Math.max(1, step - 1)}
            height={h}
            onClick={() => onPick(from, to)}
          >
            <title>{`${format(from)} – ${format(to)}: ${bin.count}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
