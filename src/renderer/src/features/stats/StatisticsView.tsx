/**
 * Statistics: counts per label, relationship type and region, as charts and totals, then the
 * dashboard of distributions, coverage gaps and top-N tables, over all regions or one.
 */
import type { GraphNode } from '@shared/api';
import { barsByLabel, barsByRegion, barsByRelationship } from '../../graph/statistics';
import { useStore } from '../../state/store';
import { useAppData } from '../../state/context';
import { BarChart } from './BarChart';
import { Dashboard } from './Dashboard';

export function StatisticsView({
  region,
  onRegion,
  onShowNode,
}: {
  /** The dashboard's region (null: all regions). */
  region: string | null;
  onRegion: (region: string | null) => void;
  /** Shows a node of a table in the network. */
  onShowNode: (node: GraphNode) => void;
}): React.JSX.Element {
  const data = useAppData();
  const stats = useStore(data.store, (s) => s.stats);
  const regions = useStore(data.store, (s) => s.settings?.regions);
  if (!stats) return <p className="muted">No statistics yet.</p>;
  const size = stats.database_size_bytes;
  return (
    <div className="statistics" data-testid="statistics">
      <div className="stat-cards">
        <div className="stat-card">
          <strong>{stats.total_nodes.toLocaleString('en-US')}</strong> nodes
        </div>
        <div className="stat-card">
          <strong>{stats.total_relationships.toLocaleString('en-US')}</strong> relationships
        </div>
        {size !== null && (
          <div className="stat-card">
            <strong>{(size / 1e6).toFixed(1)} MB</strong> on disk
          </div>
        )}
        {stats.last_generation && (
          <div className="stat-card">
            Last generation{' '}
            <strong>{new Date(stats.last_generation.finished_at).toLocaleString()}</strong>
          </div>
        )}
      </div>
      <div className="charts">
        <BarChart title="Nodes per label" bars={barsByLabel(stats)} />
        <BarChart title="Relationships per type" bars={barsByRelationship(stats)} />
        <BarChart title="Nodes per region" bars={barsByRegion(stats)} />
      </div>
      <button type="button" className="refresh" onClick={() => void data.refresh()}>
        Refresh
      </button>
      <Dashboard
        key={stats.total_relationships}
        regions={regions ?? []}
        region={region !== null && regions?.includes(region) ? region : null}
        onRegion={onRegion}
        onShowNode={onShowNode}
      />
    </div>
  );
}
