/** Checkboxes for a set of regions. */
export type RegionPickerProps = {
  regions: readonly string[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  error?: string;
  legend?: string;
};

export function RegionPicker(props: RegionPickerProps): React.JSX.Element {
  const { regions, selected, onChange, error, legend = 'Regions' } = props;
  const toggle = (region: string): void =>
    onChange(
      selected.includes(region)
        ? selected.filter((r) => r !== region)
        : regions.filter((r) => r === region || selected.includes(r)),
    );
  return (
    <fieldset className="region-picker">
      <legend>{legend}</legend>
      {regions.map((region) => (
        <label key={region}>
          <input
            type="checkbox"
            checked={selected.includes(region)}
            onChange={() => toggle(region)}
          />
          {region}
        </label>
      ))}
      {error && <small className="error-text">{error}</small>}
    </fieldset>
  );
}
