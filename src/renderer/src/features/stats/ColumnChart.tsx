/** A vertical bar chart of a distribution, with its value axis and the first, middle and last bin labels. */
export type Column = { key: string; label: string; value: number; title?: string };

const WIDTH = 520;
const HEIGHT = 160;
const LEFT = 44;
const BOTTOM = 22;

export function ColumnChart({
  title,
  columns,
  caption,
}: {
  title: string;
  columns: Column[];
  /** What the axes measure, under the chart. */
  caption?: string;
}): React.JSX.Element {
  const peak = Math.max(1, ...columns.map((c) => c.value));
  const plot = HEIGHT - BOTTOM;
  const step = (WIDTH - LEFT) / Math.max(1, columns.length);
  const labelled = new Set([0, Math.floor((columns.length - 1) / 2), columns.length - 1]);
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <line x1={LEFT} y1={0} x2={LEFT} y2={plot} className="chart-axis" />
        <line x1={LEFT} y1={plot} x2={WIDTH} y2={plot} className="chart-axis" />
        <text x={LEFT - 4} y={10} textAnchor="end" className="chart-value">
          {peak.toLocaleString('en-US')}
        </text>
        <text x={LEFT - 4} y={plot} textAnchor="end" className="chart-value">
          0
        </text>
        {columns.map((c, i) => {
          const h = c.value === 0 ? 0 : Math.max(1, (c.value / peak) * (plot - 4));
          const x = LEFT + i * step;
          return (
            <g key={c.key} data-column={c.key} data-value={c.value}>
              <rect x={x + 1} y={plot - h} width={Math.max(1, step - 2)} height={h} rx={1}>
                <title>{`${c.title ?? c.label}: ${c.value.toLocaleString('en-US')}`}</title>
              </rect>
              {labelled.has(i) && (
                <text
                  x={i === 0 ? x : i === columns.length - 1 ? x + step : x + step / 2}
                  y={HEIGHT - 6}
                  textAnchor={i === 0 ? 'start' : i === columns.length - 1 ? 'end' : 'middle'}
                  className="chart-label"
                >
                  {c.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {caption && <small className="muted">{caption}</small>}
    </figure>
  );
}
