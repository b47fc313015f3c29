/**
 * One input per property, by its kind: a number box (with the schema's bounds), a date picker,
 * a choice of the enumeration's values, yes/no, or text; the field's error under it.
 */
import type { PropertyField } from '@shared/property-fields';
import { propertyTitle } from '../details/format';
import type { FieldErrors, FormValues } from './edit-form';

export type FieldInputsProps = {
  fields: readonly PropertyField[];
  values: FormValues;
  errors: FieldErrors;
  onChange: (key: string, text: string) => void;
  /** Choices for text properties that have a known list (the regions). */
  choices?: Readonly<Record<string, readonly string[]>>;
  disabled?: boolean;
};

export function FieldInputs(props: FieldInputsProps): React.JSX.Element {
  const { fields, values, errors, onChange, choices = {}, disabled } = props;
  return (
    <div className="edit-grid">
      {fields.map((field) => {
        const id = `edit-${field.key}`;
        const error = errors[field.key];
        const value = values[field.key] ?? '';
        const common = {
          id,
          name: field.key,
          disabled,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': error ? `${id}-error` : undefined,
        } as const;
        const options =
          field.kind === 'enum'
            ? field.options
            : field.kind === 'boolean'
              ? ['true', 'false']
              : choices[field.key];
        let input: React.JSX.Element;
        if (options) {
          // A value outside the choices (data from elsewhere) stays selectable as it is.
          const all = value && !options.includes(value) ? [value, ...options] : options;
          input = (
            <select {...common} value={value} onChange={(e) => onChange(field.key, e.target.value)}>
              {(field.optional || !value) && <option value="">—</option>}
              {all.map((o) => (
                <option key={o} value={o}>
                  {field.kind === 'boolean' ? (o === 'true' ? 'Yes' : 'No') : o}
                </option>
              ))}
            </select>
          );
        } else
          input = (
            <input
              {...common}
              type={field.kind === 'date' ? 'date' : field.kind === 'text' ? 'text' : 'number'}
              step={field.kind === 'int' ? 1 : field.kind === 'float' ? 'any' : undefined}
              min={'min' in field ? field.min : undefined}
              max={'max' in field ? field.max : undefined}
              value={value}
              onChange={(e) => onChange(field.key, e.target.value)}
            />
          );
        return (
          <label key={field.key} className="edit-field" data-field={field.key}>
            <span>{propertyTitle(field.key)}</span>
            {input}
            {error && (
              <span className="field-error" id={`${id}-error`} data-testid="field-error">
                {error}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
