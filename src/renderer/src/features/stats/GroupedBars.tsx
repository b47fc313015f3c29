/** Horizontal bars in groups (one row per group, one bar per series), with a legend of the series. */
export type Group = { key: string; label: string; values: Record<string, number> };

const ROW = 16;
const GAP = 10;
const LABEL = 130;
const WIDTH = 520;

export function GroupedBars({
  title,
  groups,
  series,
}: {
  title: string;
  groups: Group[];
  series: { key: string; color: string }[];
}): React.JSX.Element {
  const peak = Math.max(1, ...groups.flatMap((g) => Object.values(g.values)));
  const groupHeight = series.length * ROW + GAP;
  const barSpace = WIDTH - LABEL - 50;
  return (
    <figure className="chart" data-chart={title}>
      <figcaption>{title}</figcaption>
      <div className="chart-legend">
        {series.map((s) => (
          <span key={s.key}>
            <i style={{ background: s.color }} /> {s.key}
          </span>
        ))}
      </div>
      <svg viewBox={`0 0 ${WIDTH} ${groups.length * groupHeight}`} role="img" aria-label={title}>
        {groups.map((g, gi) => (
          <g key={g.key} transform={`translate(0 ${gi * groupHeight})`} data-group={g.key}>
            <text
              x={LABEL - 8}
              y={(series.length * ROW) / 2 + 4}
              textAnchor="end"
              className="chart-label"
            >
              {g.label}
            </text>
            {series.map((s, si) => {
              const value = g.values[s.key] ?? 0;
              const w = (barSpace * value) / peak;
              return (
                <g key={s.key} transform={`translate(0 ${si * ROW})`}>
                  <rect x={LABEL} y={2} width={Math.max(1, w)} height={ROW - 4} fill={s.color} />
                  <text x={LABEL + w + 4} y={ROW - 4} className="chart-value">
                    {value.toLocaleString('en-US')}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
    </figure>
  );
}
