/** The explore screen: filters | network | details and legend, side by side. */
import { useCommand } from '../../commands/context';
import { DetailsPanel } from '../details/DetailsPanel';
import { FilterChips } from '../filters/FilterChips';
import { FilterPanel } from '../filters/FilterPanel';
import { Legend } from '../legend/Legend';
import { NetworkView } from '../network/NetworkView';
import { PathsDialog } from '../paths/PathsDialog';
import { useStore } from '../../state/store';
import type { Theme } from '../../state/preferences';
import { useExplorer } from '../../state/context';
import { matchedNodes } from '../../state/explorer-state';
import { GroupBySelect } from './GroupBySelect';
import { LayoutBar } from './LayoutBar';
import { DrawingProgress } from './DrawingProgress';
import { LoadingOverlay } from './LoadingOverlay';
import { TooLargeGuard } from './TooLargeGuard';

export function ExploreScreen({
  theme,
  filtersOpen,
}: {
  theme: Theme;
  filtersOpen: boolean;
}): React.JSX.Element {
  const explorer = useExplorer();
  const load = useStore(explorer.store, (s) => s.load);
  const matched = useStore(explorer.store, (s) => matchedNodes(s.load, s.maxDrawNodes));
  // A view arriving in chunks shows how far its drawing has got (with the load's cancel).
  const streaming = useStore(explorer.store, (s) => s.stream !== null && s.drawing !== null);
  const toggleFilters = useCommand('toggle-filters');
  return (
    <div className={filtersOpen ? 'explore' : 'explore filters-hidden'}>
      <FilterPanel hidden={!filtersOpen} />
      <main className="centre" data-panel="network">
        <div className="chips-row">
          {!filtersOpen && (
            <button
              type="button"
              data-testid="show-filters"
              title={toggleFilters.hint}
              onClick={toggleFilters.run}
            >
              Filters »
            </button>
          )}
          <FilterChips />
          <GroupBySelect />
        </div>
        <LayoutBar />
        {load.truncated && !load.tooLarge && matched !== null && (
          <p className="banner" data-testid="truncated">
            Showing the first part of {matched} matching nodes.
          </p>
        )}
        <div className="network-host">
          <NetworkView explorer={explorer} theme={theme} />
          <TooLargeGuard />
          <PathsDialog />
          {load.status === 'loading' && !streaming ? <LoadingOverlay /> : <DrawingProgress />}
        </div>
      </main>
      <aside className="side">
        <DetailsPanel />
        <Legend />
      </aside>
    </div>
  );
}
