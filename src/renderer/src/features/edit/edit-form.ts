/**
 * Edit forms from the domain schemas: one field per property with the input its kind calls for
 * (number, date, a choice of values, yes/no, text), the texts typed read back as values and
 * checked by the same schema the server checks with, errors by field.
 */
import type { z } from 'zod';
import type { JsonValue } from '@shared/api';
import { NODE_PROPS, type NodeLabel } from '@shared/domain';
import { propertyFields, type PropertyField } from '@shared/property-fields';

/** Properties no form edits: the id names the node, the stamp belongs to generation. */
const FIXED = new Set(['id', 'generation_id']);

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

/** The fields of a label's form; `withId` for a new node (its id is chosen once). */
export function nodeFields(label: NodeLabel, withId = false): PropertyField[] {
  return propertyFields(NODE_PROPS[label]).filter(
    (f) => f.key !== 'generation_id' && (withId || !FIXED.has(f.key)),
  );
}

/** A property's value as its input shows it. */
function fieldText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

export const formValues = (
  fields: readonly PropertyField[],
  properties: Record<string, JsonValue>,
): FormValues => Object.fromEntries(fields.map((f) => [f.key, fieldText(properties[f.key])]));

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A typed text as the value of its field (undefined: left empty); the schema judges it. */
function fieldValue(field: PropertyField, text: string): unknown {
  const trimmed = text.trim();
  if (field.kind === 'text') return text === '' && field.optional ? undefined : text;
  if (trimmed === '') return undefined;
  if (field.kind === 'int' || field.kind === 'float')
    return NUMBER.test(trimmed) ? Number(trimmed) : trimmed;
  if (field.kind === 'boolean') return trimmed === 'true';
  return trimmed;
}

export type FormCheck =
  { ok: true; properties: Record<string, JsonValue> } | { ok: false; errors: FieldErrors };

/**
 * Reads a form against the schema: every field checked, per-field errors, and the properties
 * that differ from `before` (all of them for a new element, `before` empty).
 */
export function checkForm(
  schema: z.ZodObject,
  fields: readonly PropertyField[],
  values: FormValues,
  before: Record<string, JsonValue> = {},
): FormCheck {
  const record: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = fieldValue(field, values[field.key] ?? '');
    if (value === undefined && !field.optional) errors[field.key] = 'required';
    else if (value !== undefined) record[field.key] = value;
  }
  const keys = new Set(fields.map((f) => f.key));
  // Required fields left empty are named above; the schema judges the values given.
  const checked = schema.partial().safeParse(record);
  if (!checked.success)
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (keys.has(key)) errors[key] ??= issue.message;
    }
  if (Object.keys(errors).length) return { ok: false, errors };
  const properties: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(record))
    if (fieldText(before[key]) !== fieldText(value as JsonValue))
      properties[key] = value as JsonValue;
  return { ok: true, properties };
}

/** Errors a server answer names (`properties.aum`, `target.id`), keyed by the form's field. */
export function serverFieldErrors(
  details: readonly { field?: string; message: string }[] | undefined,
): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details ?? []) {
    const key = d.field?.replace(/^properties\./, '');
    if (key) out[key] ??= d.message;
  }
  return out;
}
