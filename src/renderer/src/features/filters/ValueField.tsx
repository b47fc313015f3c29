/** One enumerated filter field as toggle buttons; narrowed-away values stay visible if selected. */
import type { FilterOptions } from '@shared/api';
import { FIELD_TITLES, valueText } from '../../graph/filter-fields';
import type { FilterState, FilterValue, ValueField as Field } from '../../graph/filters';
import { getValues, toggleValue } from '../../graph/filters';

export function ValueField({
  field,
  draft,
  options,
  onChange,
  off = null,
}: {
  field: Field;
  draft: FilterState;
  options: FilterOptions | null;
  onChange: (next: FilterState) => void;
  /** Set when the field does not apply in the current mode. */
  off?: string | null;
}): React.JSX.Element {
  const selected = getValues(draft, field);
  const offered: FilterValue[] = options ? [...options[field]] : [];
  const values = [...offered, ...selected.filter((v) => !offered.includes(v))];
  return (
    <fieldset
      className="filter-field"
      data-field={field}
      disabled={off !== null}
      title={off ?? undefined}
    >
      <legend>{FIELD_TITLES[field]}</legend>
      {off && <small className="muted why-off">{off}</small>}
      {values.length === 0 && <span className="muted">No values</span>}
      {values.map((v) => (
        <label key={String(v)} className="toggle">
          <input
            type="checkbox"
            checked={selected.includes(v)}
            onChange={() => onChange(toggleValue(draft, field, v))}
          />
          {valueText(field, v)}
        </label>
      ))}
    </fieldset>
  );
}
