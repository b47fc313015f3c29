/** One button per region with its node count; picking one sets the region filter and loads. */
import { useStore } from '../state/store';
import { useAppData, useExplorer } from './contexts';

export function RegionSwitcher(): React.JSX.Element {
  const explorer = useExplorer();
  const stats = useStore(useAppData().store, (s) => s.stats);
  const filters = useStore(explorer.store, (s) => s.filters);
  const current = filters.regions?.length === 1 ? filters.regions[0] : null;
  return (
    <div className="regions" role="group" aria-label="Region" data-testid="regions">
      {(stats?.regions ?? []).map((r) => (
        <button
          key={r.region}
          type="button"
          aria-pressed={current === r.region}
          data-region={r.region}
          onClick={() => void explorer.applyFilters({ ...filters, regions: [r.region] })}
        >
          {r.region} <span className="count">{r.nodes.toLocaleString('en-US')}</span>
        </button>
      ))}
    </div>
  );
}
