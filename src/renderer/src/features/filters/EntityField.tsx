/** An entity filter (consultants, companies, …) as a multi-select by name. */
import type { FilterOptions } from '@shared/api';
import type { EntityField as Field, FilterState } from '../../graph/filters';
import { ENTITY_OPTION_KEYS, getValues, setValues } from '../../graph/filters';
import { FIELD_TITLES } from '../../graph/filter-fields';

export function EntityField({
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
  const selected = getValues(draft, field).map(String);
  const list = options ? options[ENTITY_OPTION_KEYS[field]] : [];
  const known = new Set(list.map((o) => o.id));
  const entries = [
    ...list,
    ...selected.filter((id) => !known.has(id)).map((id) => ({ id, name: id })),
  ];
  return (
    <label
      className={off ? 'filter-field entity off' : 'filter-field entity'}
      data-field={field}
      title={off ?? undefined}
    >
      <span className="legend">
        {FIELD_TITLES[field]} {selected.length > 0 && `(${selected.length})`}
      </span>
      {off && <small className="muted why-off">{off}</small>}
      <select
        multiple
        disabled={off !== null}
        size={Math.min(5, Math.max(2, entries.length))}
        value={selected}
        aria-label={FIELD_TITLES[field]}
        title={off ?? 'Ctrl/Cmd-click to select several'}
        onChange={(e) =>
          onChange(
            setValues(
              draft,
              field,
              [...e.target.selectedOptions].map((o) => o.value),
            ),
          )
        }
      >
        {entries.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
