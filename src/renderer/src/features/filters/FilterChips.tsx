/** The applied filter as removable chips; removing one reloads the graph. */
import { filterChips, removeChip } from '../../graph/filter-fields';
import { useStore } from '../../state/store';
import { useAppData, useExplorer } from '../../state/context';

export function FilterChips(): React.JSX.Element | null {
  const explorer = useExplorer();
  const filters = useStore(explorer.store, (s) => s.filters);
  const options = useStore(useAppData().store, (s) => s.options);
  const chips = filterChips(filters, options ?? undefined);
  if (chips.length === 0) return <span className="muted">No filter: all data</span>;
  return (
    <ul className="chips" data-testid="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.text} className="chip">
          {chip.text}
          <button
            type="button"
            aria-label={`Remove ${chip.text}`}
            onClick={() => void explorer.applyFilters(removeChip(filters, chip))}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
