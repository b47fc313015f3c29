/**
 * What kind of value each property of a domain schema holds, read off its zod schema: the one
 * description that imports convert cells by and edit forms pick their inputs by.
 */
import type { z } from 'zod';
import { IsoDate } from './domain';

export type PropertyField =
  | { key: string; kind: 'text' | 'date' | 'boolean'; optional: boolean }
  | { key: string; kind: 'int' | 'float'; optional: boolean; min?: number; max?: number }
  | { key: string; kind: 'enum'; optional: boolean; options: readonly string[] };

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  const def = schema.def as { type: string; innerType?: z.ZodType };
  if (def.type === 'optional' && def.innerType)
    return { inner: unwrap(def.innerType).inner, optional: true };
  return { inner: schema, optional: false };
}

/** A bound the schema sets (an integer's safe-integer limits are none). */
const bound = (value: number | null): number | undefined =>
  value === null || !Number.isFinite(value) || Math.abs(value) >= Number.MAX_SAFE_INTEGER
    ? undefined
    : value;

/** One property's field: its kind, and its bounds or choices. */
export function propertyField(key: string, schema: z.ZodType): PropertyField {
  const { inner, optional } = unwrap(schema);
  if (inner === IsoDate) return { key, kind: 'date', optional };
  const type = (inner.def as { type: string }).type;
  if (type === 'number') {
    const n = inner as z.ZodNumber;
    return {
      key,
      kind: n.isInt ? 'int' : 'float',
      optional,
      min: bound(n.minValue),
      max: bound(n.maxValue),
    };
  }
  if (type === 'boolean') return { key, kind: 'boolean', optional };
  if (type === 'enum')
    return { key, kind: 'enum', optional, options: (inner as z.ZodEnum).options as string[] };
  return { key, kind: 'text', optional };
}

/** Every property of an object schema, in its order. */
export const propertyFields = (schema: z.ZodObject): PropertyField[] =>
  Object.entries(schema.shape).map(([key, field]) => propertyField(key, field as z.ZodType));
