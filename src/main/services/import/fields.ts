/**
 * From spreadsheet cells to domain values: each property's kind is read off its zod schema in
 * the domain model, a cell is converted to that kind (numbers, booleans and days as a
 * spreadsheet or CSV writes them), and the converted record is checked by the domain schema.
 * What passes is made ready for Neo4j: integers as Neo4j integers, days as Neo4j dates.
 */
import neo4j from 'neo4j-driver';
import type { z } from 'zod';
import { propertyField } from '../../../shared/property-fields';
import { FORMULA_START } from '../../../shared/export-columns';

type FieldKind = 'string' | 'int' | 'float' | 'boolean' | 'date';

/** A cell as a source yields it; formulas are marked so that they can be refused by name. */
export type Cell = string | number | boolean | Date | null | { formula: string };

/** The import's kind of a property: enumerations are read as text. */
function fieldKind(key: string, schema: z.ZodType): FieldKind {
  const { kind } = propertyField(key, schema);
  return kind === 'text' || kind === 'enum' ? 'string' : kind;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export type CellResult = { value: unknown } | { error: string };

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDay = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * One cell as a value of the kind, or undefined for an empty cell. Values that do not fit are
 * passed on as they are, so that the domain schema names what was expected.
 */
export function convertCell(cell: Cell, kind: FieldKind): CellResult {
  if (cell === null || cell === '') return { value: undefined };
  if (typeof cell === 'object' && 'formula' in cell)
    return { error: `a formula (=${cell.formula}); import values, not formulas` };
  if (cell instanceof Date) return { value: kind === 'date' ? isoDay(cell) : cell.toISOString() };
  if (typeof cell === 'string') {
    if (cell.startsWith('=')) return { error: `a formula (${cell}); import values, not formulas` };
    // The exporters write text that looks like a formula with a leading apostrophe.
    const text = cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
    if ((kind === 'int' || kind === 'float') && NUMBER.test(text.trim()))
      return { value: Number(text.trim()) };
    if (kind === 'boolean' && /^(true|false)$/i.test(text.trim()))
      return { value: text.trim().toLowerCase() === 'true' };
    return { value: text };
  }
  if (kind === 'string') return { value: String(cell) };
  return { value: cell };
}

/** A validated record as Neo4j parameters: integers and days in their database types. */
export function toDatabase(
  record: Record<string, unknown>,
  kinds: Readonly<Record<string, FieldKind>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    const kind = kinds[name];
    if (kind === 'int' && typeof value === 'number') out[name] = neo4j.int(value);
    else if (kind === 'date' && typeof value === 'string') {
      const [y, m, d] = value.split('-').map(Number) as [number, number, number];
      out[name] = new neo4j.types.Date(y, m, d);
    } else out[name] = value;
  }
  return out;
}

export function kindsOf(schema: z.ZodObject): Record<string, FieldKind> {
  return Object.fromEntries(
    Object.entries(schema.shape).map(([name, field]) => [
      name,
      fieldKind(name, field as z.ZodType),
    ]),
  );
}
