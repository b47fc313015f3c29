/**
 * One button per region with its node count: the server's configured regions (with 0 when they
 * hold no data yet) and any other region the data holds. Picking one sets the region filter and
 * loads.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from '../state/store';
import { useAppData, useExplorer } from '../state/context';
import { switcherRegions } from './region-list';

export function RegionSwitcher(): React.JSX.Element {
  const explorer = useExplorer();
  const appData = useAppData();
  const stats = useStore(appData.store, (s) => s.stats);
  const configured = useStore(appData.store, (s) => s.settings?.regions);
  const filters = useStore(explorer.store, (s) => s.filters);
  const regions = useMemo(() => switcherRegions(configured, stats?.regions), [configured, stats]);
  const current = filters.regions?.length === 1 ? filters.regions[0] : null;
  const group = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // With more regions than room the buttons scroll: the current one stays in sight.
    group.current
      ?.querySelector('[aria-pressed="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [current, regions]);
  return (
    <div className="regions" role="group" aria-label="Region" data-testid="regions" ref={group}>
      {regions.map((r) => (
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
