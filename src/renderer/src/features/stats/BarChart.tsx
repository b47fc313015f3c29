/** A horizontal SVG bar chart with value labels. */
import type { Bar } from '../../graph/statistics';

export function BarChart({
  title,
  bars,
  format = (value) => value.toLocaleString('en-US'),
}: {
  title: string;
  bars: Bar[];
  format?: (value: number) => string;
}): React.JSX.Element {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  // Room for the longest label (about 7.5 units a character), so that none is cut on the left.
  const longest = Math.max(0, ...bars.map((b) => b.label.length));
  const labelWidth = Math.min(240, Math.max(150, 12 + longest * 7.5));
  const width = 520;
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${bars.length * row + 4}`} role="img" aria-label={title}>
        {bars.map((b, i) => {
          const w = ((width - labelWidth - 70) * b.value) / max;
          return (
            <g key={b.key} transform={`translate(0 ${i * row + 2})`}>
              <text x={labelWidth - 8} y={row / 2 + 4} textAnchor="end" className="chart-label">
                {b.label}
              </text>
              <rect
                x={labelWidth}
                y={4}
                width={Math.max(1, w)}
                height={row - 8}
                fill={b.color}
                rx={3}
              />
              <text x={labelWidth + w + 6} y={row / 2 + 4} className="chart-value">
                {format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
