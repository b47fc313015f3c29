/**
 * What the drawn graph comes from, as chips: the applied filter (removing a chip reloads; a
 * field that does not apply in the mode is shown struck out, with why, and is not sent), or a
 * query's result; then each node expanded or found on it (removing one takes its step back).
 */
import { steps } from '../../graph/exploration';
import { filterChips, removeChip } from '../../graph/filter-fields';
import { whyFieldOff } from '../../graph/filters';
import type { FilterChip } from '../../graph/filter-fields';
import type { GraphMode } from '@shared/domain';
import { RANGE_FILTERS } from '@shared/api';
import { useStore } from '../../state/store';
import { useAppData, useExplorer } from '../../state/context';

const chipField = (chip: FilterChip) =>
  chip.kind === 'range' ? RANGE_FILTERS[chip.property].min : chip.field;

export function FilterChips(): React.JSX.Element {
  const explorer = useExplorer();
  const filters = useStore(explorer.store, (s) => s.filters);
  const mode: GraphMode = useStore(explorer.store, (s) => s.mode);
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const options = useStore(useAppData().store, (s) => s.options);
  const source = exploration.source ?? 'filter';
  const chips = filterChips(filters, options ?? undefined);
  const taken = steps(exploration);
  return (
    <ul className="chips" data-testid="filter-chips" data-source={source} aria-label="Graph source">
      {source === 'query' ? (
        <li className="chip source" data-kind="query">
          Query result: {exploration.base.nodes.length.toLocaleString('en-US')} nodes
          <button
            type="button"
            aria-label="Back to the filter's graph"
            title="Load the filter's graph again"
            onClick={() => void explorer.load()}
          >
            ×
          </button>
        </li>
      ) : chips.length === 0 ? (
        <li className="muted" data-kind="filter">
          No filter: all data
        </li>
      ) : (
        chips.map((chip) => {
          const off = whyFieldOff(chipField(chip), mode);
          return (
            <li
              key={chip.text}
              className={off ? 'chip off' : 'chip'}
              data-kind="filter"
              data-off={off !== null}
              title={off ?? undefined}
            >
              {chip.text}
              <button
                type="button"
                aria-label={`Remove ${chip.text}`}
                onClick={() => void explorer.applyFilters(removeChip(filters, chip))}
              >
                ×
              </button>
            </li>
          );
        })
      )}
      {taken.map((step) => (
        <li key={step.node} className="chip step" data-kind={step.kind}>
          {step.kind === 'expanded' ? 'Expanded' : 'Found'}: {step.name}
          {step.kind === 'expanded' && (
            <button
              type="button"
              aria-label={`Collapse ${step.name}`}
              onClick={() => explorer.collapseNode(step.node)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
