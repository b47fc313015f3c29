/**
 * The smart-query catalogue is data: entries of parameterised read-only Cypher whose parameters
 * come from the current filters (or fixed values). Entries are validated one by one, so a bad
 * entry is reported by position and name while the good ones stay usable.
 */
import { z } from 'zod';
import { JsonValue } from '@shared/api';
import { LIST_FIELDS } from '../../graph/filters';

const FILTER_SOURCES = [
  ...LIST_FIELDS,
  'fc_total_plan_assets_min',
  'fc_total_plan_assets_max',
  'mode',
] as const;
export const FilterSource = z.enum(FILTER_SOURCES);
export type FilterSource = z.infer<typeof FilterSource>;

const ParamName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a Cypher parameter name');

const SmartParameter = z.union([
  z.strictObject({
    /** Filter field the value is taken from; an empty filter gives `null` ("any"). */
    from: FilterSource,
    description: z.string().optional(),
  }),
  z.strictObject({
    value: JsonValue,
    /** Shown next to an editable fixed value. */
    description: z.string().optional(),
  }),
]);
type SmartParameter = z.infer<typeof SmartParameter>;

export const SmartQuery = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
    title: z.string().trim().min(1).max(120),
    description: z.string().max(2_000).default(''),
    cypher: z.string().trim().min(1).max(20_000),
    parameters: z.record(ParamName, SmartParameter).default({}),
  })
  .superRefine((entry, ctx) => {
    for (const name of Object.keys(entry.parameters)) {
      if (!new RegExp(`\\$${name}\\b`).test(entry.cypher)) {
        ctx.addIssue({
          code: 'custom',
          path: ['parameters', name],
          message: `parameter "${name}" is not used in the query`,
        });
      }
    }
  });
export type SmartQuery = z.infer<typeof SmartQuery>;

export type CatalogueProblem = { index: number; id: string | null; message: string };
export type Catalogue = { entries: SmartQuery[]; problems: CatalogueProblem[] };

const idOf = (raw: unknown): string | null => {
  const id: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'id') : null;
  return typeof id === 'string' ? id : null;
};

/** Accepts an array of entries or `{ "queries": [...] }`. Duplicated ids keep the first. */
export function parseCatalogue(input: unknown, taken: ReadonlySet<string> = new Set()): Catalogue {
  const list: unknown =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? Reflect.get(input, 'queries')
      : input;
  if (!Array.isArray(list)) {
    return {
      entries: [],
      problems: [
        { index: -1, id: null, message: 'expected a list of queries (or {"queries": [...]})' },
      ],
    };
  }
  const entries: SmartQuery[] = [];
  const problems: CatalogueProblem[] = [];
  const seen = new Set(taken);
  list.forEach((raw: unknown, index) => {
    const parsed = SmartQuery.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
      problems.push({
        index,
        id: idOf(raw),
        message: `${where}${issue?.message ?? 'invalid entry'}`,
      });
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push({ index, id: parsed.data.id, message: 'an entry with this id already exists' });
      return;
    }
    seen.add(parsed.data.id);
    entries.push(parsed.data);
  });
  return { entries, problems };
}

/** Reads a catalogue file's text: invalid JSON is one problem, not an exception. */
export function parseCatalogueText(text: string, taken?: ReadonlySet<string>): Catalogue {
  try {
    return parseCatalogue(JSON.parse(text), taken);
  } catch {
    return {
      entries: [],
      problems: [{ index: -1, id: null, message: 'the file is not valid JSON' }],
    };
  }
}

export const describeProblem = (p: CatalogueProblem): string =>
  p.index < 0 ? p.message : `Entry ${p.index + 1}${p.id ? ` ("${p.id}")` : ''}: ${p.message}`;
