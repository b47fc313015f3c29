/**
 * The analyst's dashboard: distributions aggregated by the server (AUM, mandates by status and
 * region, ratings by asset class, coverage per consultant), coverage gaps and top-N tables whose
 * rows show their node in the network — over all regions or the one chosen.
 */
import { useMemo } from 'react';
import type { GraphNode } from '@shared/api';
import { RATINGS } from '@shared/domain';
import { useClient } from '../../client/context';
import { useAsync } from '../../hooks/useAsync';
import { MANDATE_COLORS } from '../../graph/appearance';
import { formatUsd } from '../../graph/filter-fields';
import { BarChart } from './BarChart';
import { ColumnChart } from './ColumnChart';
import { GroupedBars } from './GroupedBars';
import { NodeTable } from './NodeTable';

const RATING_COLORS: Record<string, string> = {
  Positive: '#37b24d',
  Neutral: '#868e96',
  Introduced: '#4dabf7',
  Negative: '#f03e3e',
};

export function Dashboard({
  regions,
  region,
  onRegion,
  onShowNode,
}: {
  /** The configured regions the dashboard can be scoped to. */
  regions: readonly string[];
  /** The region it is scoped to (null: all regions). */
  region: string | null;
  onRegion: (region: string | null) => void;
  onShowNode: (node: GraphNode) => void;
}): React.JSX.Element {
  return (
    <section className="dashboard-section" aria-label="Dashboard">
      <div className="dashboard-scope">
        <h2>Distributions and coverage gaps</h2>
        <label>
          Region{' '}
          <select
            data-testid="dashboard-region"
            value={region ?? ''}
            onChange={(e) => onRegion(e.target.value || null)}
          >
            <option value="">All regions</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <DashboardCharts region={region} onShowNode={onShowNode} />
    </section>
  );
}

function DashboardCharts({
  region,
  onShowNode,
}: {
  region: string | null;
  onShowNode: (node: GraphNode) => void;
}): React.JSX.Element {
  const client = useClient();
  const state = useAsync(
    useMemo(
      () => async () => {
        const regions = region === null ? undefined : [region];
        const [distributions, histograms, gaps] = await Promise.all([
          client.getDistributions({ regions, top: 10 }),
          client.getHistograms({ regions, bins: 16 }),
          client.getCoverageGaps({ regions, limit: 10 }),
        ]);
        return { distributions, histograms, gaps };
      },
      [client, region],
    ),
  );
  if (state.error) return <p className="error">Dashboard: {String(state.error)}</p>;
  if (!state.data) return <p className="muted">Loading the dashboard…</p>;
  const { distributions: d, histograms, gaps } = state.data;
  const aum = histograms.histograms.find((h) => h.field === 'aum');
  const assetClasses = [...new Set(d.ratings_by_asset_class.map((r) => r.asset_class))];
  return (
    <div className="dashboard" data-testid="dashboard" data-region={region ?? 'all'}>
      <div className="charts">
        {aum && (
          <ColumnChart
            title="Companies by AUM"
            caption={`${aum.count.toLocaleString('en-US')} companies; bins on a log scale`}
            columns={aum.bins.map((b, i) => ({
              key: String(i),
              label: formatUsd(Number(i === aum.bins.length - 1 ? b.to : b.from)),
              title: `${formatUsd(Number(b.from))} – ${formatUsd(Number(b.to))}`,
              value: b.count,
            }))}
          />
        )}
        <ColumnChart
          title="Consultants by companies covered"
          caption="Companies covered directly or through field consultants"
          columns={d.coverage_per_consultant.map((c) => ({
            key: String(c.companies),
            label: `${c.companies} ${c.companies === 1 ? 'company' : 'companies'}`,
            value: c.consultants,
          }))}
        />
        <BarChart
          title="Mandate value by status"
          format={formatUsd}
          bars={d.mandates_by_status.map((g) => ({
            key: g.status,
            label: `${g.status} (${g.count})`,
            value: g.value,
            color: MANDATE_COLORS[g.status] ?? '#adb5bd',
          }))}
        />
        <BarChart
          title="Mandate value by region"
          format={formatUsd}
          bars={d.mandates_by_region.map((g) => ({
            key: g.region,
            label: `${g.region} (${g.count})`,
            value: g.value,
            color: '#5c7cfa',
          }))}
        />
        <GroupedBars
          title="Ratings by asset class"
          series={RATINGS.map((r) => ({ key: r, color: RATING_COLORS[r] ?? '#adb5bd' }))}
          groups={assetClasses.map((ac) => ({
            key: ac,
            label: ac,
            values: Object.fromEntries(
              d.ratings_by_asset_class
                .filter((r) => r.asset_class === ac)
                .map((r) => [r.rating, r.count]),
            ),
          }))}
        />
      </div>
      <div className="charts">
        <NodeTable
          title="Top consultants by coverage"
          columns={['Companies']}
          rows={d.top_consultants.map((t) => ({ node: t.node, cells: [String(t.companies)] }))}
          onShow={onShowNode}
        />
        <NodeTable
          title="Top companies by AUM"
          columns={['AUM']}
          rows={d.top_companies.map((t) => ({ node: t.node, cells: [formatUsd(t.aum)] }))}
          onShow={onShowNode}
        />
        <NodeTable
          title="At-risk mandates without level-4 coverage"
          columns={['Mandates', 'Value']}
          rows={gaps.at_risk_without_level_4.map((g) => ({
            node: g.node,
            cells: [String(g.mandates), formatUsd(g.value)],
          }))}
          onShow={onShowNode}
        />
        <NodeTable
          title="Positive-rated products no company of their region owns"
          columns={['Positive ratings']}
          rows={gaps.positive_unowned.map((g) => ({
            node: g.node,
            cells: [String(g.positive_ratings)],
          }))}
          onShow={onShowNode}
        />
      </div>
    </div>
  );
}
