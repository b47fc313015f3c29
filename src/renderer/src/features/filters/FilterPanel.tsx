/**
 * Every filter field of the API, edited as a draft with options narrowed by the draft itself
 * (cascading); Apply loads the graph, Reset clears the draft and the applied filter.
 */
import { useCallback, useMemo, useState } from 'react';
import { RANGE_FILTERS, RANGE_PROPERTY_NAMES } from '@shared/api';
import { useClient } from '../../client/context';
import { useAsync } from '../../hooks/useAsync';
import { useCommand } from '../../commands/context';
import type { FilterState } from '../../graph/filters';
import {
  LIST_FIELDS,
  filtersEqual,
  getRange,
  isEntityField,
  setRange,
  whyFieldOff,
} from '../../graph/filters';
import { useStore } from '../../state/store';
import { useAppData, useExplorer } from '../../state/context';
import { EntityField } from './EntityField';
import { RangeField } from './RangeField';
import { TimeSlider } from './TimeSlider';
import { useCascadingOptions } from './useCascadingOptions';
import { ValueField } from './ValueField';

/** Hidden, it keeps its draft for when it is shown again. */
export function FilterPanel({ hidden = false }: { hidden?: boolean }): React.JSX.Element {
  const explorer = useExplorer();
  const applied = useStore(explorer.store, (s) => s.filters);
  const [draft, setDraft] = useState<FilterState>(applied);
  const [base, setBase] = useState<FilterState>(applied);
  // A filter applied elsewhere (region switcher, chips, a saved view, the time slider) starts a
  // new draft; the time slider keeps playing.
  if (!filtersEqual(base, applied)) {
    setBase(applied);
    setDraft(applied);
  }
  const toggle = useCommand('toggle-filters');
  const mode = useStore(explorer.store, (s) => s.mode);
  const baseOptions = useStore(useAppData().store, (s) => s.options);
  const options = useCascadingOptions(draft, mode, baseOptions);
  const dirty = !filtersEqual(draft, applied);
  const client = useClient();
  const regionsKey = (draft.regions ?? []).join(',');
  // Distributions of the range properties in the regions chosen (all when none is).
  const histograms = useAsync(
    useMemo(() => {
      const regions = regionsKey ? regionsKey.split(',') : undefined;
      return () => client.getHistograms(regions ? { regions } : {});
    }, [client, regionsKey]),
  );
  const applyTime = useCallback(
    (filter: FilterState) => void explorer.applyFilters(filter),
    [explorer],
  );

  return (
    <section
      className="panel filters"
      data-panel="filters"
      data-testid="filters"
      aria-label="Filters"
      hidden={hidden}
    >
      <header className="panel-head">
        <h2>Filters</h2>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            data-testid="apply-filters"
            disabled={!dirty}
            onClick={() => void explorer.applyFilters(draft)}
          >
            Apply
          </button>
          <button
            type="button"
            data-testid="reset-filters"
            onClick={() => {
              setDraft({});
              void explorer.applyFilters({});
            }}
          >
            Reset
          </button>
          <button
            type="button"
            data-testid="hide-filters"
            aria-label={toggle.hint}
            title={toggle.hint}
            onClick={toggle.run}
          >
            «
          </button>
        </div>
      </header>
      <div className="panel-body">
        <TimeSlider
          applied={applied}
          mode={mode}
          histograms={histograms.data?.histograms}
          onApply={applyTime}
        />
        {LIST_FIELDS.map((field) =>
          isEntityField(field) ? (
            <EntityField
              key={field}
              field={field}
              draft={draft}
              options={options}
              onChange={setDraft}
              off={whyFieldOff(field, mode)}
            />
          ) : (
            <ValueField
              key={field}
              field={field}
              draft={draft}
              options={options}
              onChange={setDraft}
              off={whyFieldOff(field, mode)}
            />
          ),
        )}
        {RANGE_PROPERTY_NAMES.map((property) => {
          const { min, max } = getRange(draft, property);
          return (
            <RangeField
              key={property}
              property={property}
              min={min}
              max={max}
              histogram={histograms.data?.histograms.find((x) => x.field === property)}
              onChange={(from, to) => setDraft(setRange(draft, property, from, to))}
              off={whyFieldOff(RANGE_FILTERS[property].min, mode)}
            />
          );
        })}
      </div>
    </section>
  );
}
