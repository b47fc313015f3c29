/**
 * One data row as the writes it asks for, or the reasons it is refused (each naming its
 * column): node rows by the domain's node schemas, relationship rows by the schema of their
 * kind (type and end labels), coverage rows as updates of existing COVERS and OWNS.
 */
import type { z } from 'zod';
import {
  NODE_PROPS,
  NodeLabel,
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  type RelationshipType,
} from '../../../shared/domain';
import type { CoverageKey } from '../../../shared/export-columns';
import { convertCell, kindsOf, toDatabase, type Cell } from './fields';
import type { FileLayout } from './layout';

type NodeWrite = {
  kind: 'node';
  label: NodeLabel;
  id: string;
  props: Record<string, unknown>;
};
type RelWrite = {
  kind: 'relationship';
  rel: RelationshipKind;
  s: string;
  t: string;
  props: Record<string, unknown>;
  /** Coverage rows update relationships that exist; they never create one. */
  updateOnly: boolean;
};
export type Write = NodeWrite | RelWrite;

type RowProblem = { column: string | null; reason: string };
export type RowOutcome = { writes: Write[]; problems: RowProblem[] };

type Named = { cell: Cell; column: string };

/** The row's cells by the property each fills. */
function byProperty(layout: FileLayout, header: readonly string[], cells: readonly Cell[]) {
  const out = new Map<string, Named>();
  layout.properties.forEach((property, i) => {
    if (property !== null)
      out.set(property, { cell: cells[i] ?? null, column: header[i] ?? property });
  });
  return out;
}

type Prepared = { kinds: ReturnType<typeof kindsOf>; strict: z.ZodObject };
const PREPARED = new Map<z.ZodObject, Prepared>();
/** The property kinds and the strict form of a schema, made once per schema. */
function prepared(schema: z.ZodObject): Prepared {
  let known = PREPARED.get(schema);
  if (!known) PREPARED.set(schema, (known = { kinds: kindsOf(schema), strict: schema.strict() }));
  return known;
}

const validDay = (text: string): boolean => {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
};

/** Converts and checks the properties of one schema; cells of other properties must be empty. */
function record(
  schema: z.ZodObject,
  cells: Map<string, Named>,
  problems: RowProblem[],
  skip: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  const { kinds: fieldKinds, strict } = prepared(schema);
  const raw: Record<string, unknown> = {};
  const columnOf = new Map<string, string>();
  for (const [property, { cell, column }] of cells) {
    if (skip.has(property)) continue;
    const kind = fieldKinds[property];
    if (kind === undefined) {
      if (cell !== null && cell !== '')
        problems.push({ column, reason: `"${property}" is not a property of this kind of data` });
      continue;
    }
    const converted = convertCell(cell, kind);
    if ('error' in converted) problems.push({ column, reason: converted.error });
    else raw[property] = converted.value;
    columnOf.set(property, column);
  }
  const parsed = strict.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const property = String(issue.path[0] ?? '');
      const missing = raw[property] === undefined;
      problems.push({
        column: columnOf.get(property) ?? property,
        reason: missing ? `"${property}" is required` : issue.message,
      });
    }
    return undefined;
  }
  for (const [property, kind] of Object.entries(fieldKinds)) {
    const value = parsed.data[property];
    if (kind === 'date' && typeof value === 'string' && !validDay(value))
      problems.push({
        column: columnOf.get(property) ?? property,
        reason: `${value} is not a calendar day`,
      });
  }
  return problems.length ? undefined : toDatabase(parsed.data, fieldKinds);
}

const text = (named: Named | undefined): string | null => {
  const cell = named?.cell;
  if (cell === null || cell === undefined || cell === '') return null;
  return typeof cell === 'object' && !(cell instanceof Date) ? null : String(cell);
};

function nodeRow(label: NodeLabel, cells: Map<string, Named>): RowOutcome {
  const problems: RowProblem[] = [];
  const props = record(NODE_PROPS[label], cells, problems, new Set(['node_type']));
  if (!props) return { writes: [], problems };
  return { writes: [{ kind: 'node', label, id: props.id as string, props }], problems };
}

/** An end named `LABEL:id`, or a bare id when the type allows one label at that end. */
function end(
  named: Named | undefined,
  labels: readonly NodeLabel[],
  role: 'source' | 'target',
  problems: RowProblem[],
): { label: NodeLabel; id: string } | undefined {
  const value = text(named);
  const column = named?.column ?? role;
  if (value === null) {
    problems.push({ column, reason: `the ${role} is required` });
    return undefined;
  }
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? NodeLabel.safeParse(value.slice(0, colon)) : undefined;
  if (prefix?.success) return { label: prefix.data, id: value.slice(colon + 1) };
  if (labels.length === 1) return { label: labels[0]!, id: value };
  problems.push({ column, reason: `name the ${role} as LABEL:id (${labels.join(' or ')})` });
  return undefined;
}

function relRow(type: RelationshipType, cells: Map<string, Named>): RowOutcome {
  const problems: RowProblem[] = [];
  const candidates = RELATIONSHIP_KINDS.filter((k) => k.type === type);
  const source = end(
    cells.get('source'),
    [...new Set(candidates.map((k) => k.from))],
    'source',
    problems,
  );
  const target = end(
    cells.get('target'),
    [...new Set(candidates.map((k) => k.to))],
    'target',
    problems,
  );
  if (!source || !target) return { writes: [], problems };
  const rel = candidates.find((k) => k.from === source.label && k.to === target.label);
  if (!rel) {
    problems.push({
      column: cells.get('source')?.column ?? 'source',
      reason: `${type} does not go from ${source.label} to ${target.label}`,
    });
    return { writes: [], problems };
  }
  const props = record(rel.props, cells, problems, new Set(['source', 'target', 'rel_type']));
  if (!props) return { writes: [], problems };
  return {
    writes: [{ kind: 'relationship', rel, s: source.id, t: target.id, props, updateOnly: false }],
    problems,
  };
}

const kindOf = (type: RelationshipType, from: NodeLabel, to: NodeLabel): RelationshipKind =>
  RELATIONSHIP_KINDS.find((k) => k.type === type && k.from === from && k.to === to)!;

/** A coverage row names a coverage (COVERS) and a holding (OWNS); either may be empty. */
function coverageRow(cells: Map<string, Named>): RowOutcome {
  const problems: RowProblem[] = [];
  const writes: Write[] = [];
  const get = (key: CoverageKey): Named | undefined => cells.get(key);
  const company = text(get('company_id'));
  if (company === null)
    return {
      writes,
      problems: [
        { column: get('company_id')?.column ?? 'Company ID', reason: 'the company id is required' },
      ],
    };
  const fc = text(get('field_consultant_id'));
  const consultant = text(get('consultant_id'));
  if (fc !== null || (consultant !== null && text(get('coverage_type')) !== null)) {
    const rel = kindOf('COVERS', fc !== null ? 'FIELD_CONSULTANT' : 'CONSULTANT', 'COMPANY');
    const props = record(
      rel.props,
      new Map(
        (['coverage_type', 'level_of_influence'] as const).flatMap((k) => {
          const named = get(k);
          return named ? [[k, named] as const] : [];
        }),
      ),
      problems,
      new Set(),
    );
    if (props)
      writes.push({
        kind: 'relationship',
        rel,
        s: fc ?? consultant!,
        t: company,
        props,
        updateOnly: true,
      });
  }
  const product = text(get('product_id'));
  if (product !== null) {
    const productType = text(get('product_type'));
    const to = productType === 'INCUMBENT_PRODUCT' ? 'INCUMBENT_PRODUCT' : 'PRODUCT';
    if (productType !== 'PRODUCT' && productType !== 'INCUMBENT_PRODUCT') {
      problems.push({
        column: get('product_type')?.column ?? 'Product type',
        reason: 'PRODUCT or INCUMBENT_PRODUCT',
      });
      return { writes, problems };
    }
    const rel = kindOf('OWNS', 'COMPANY', to);
    const valueKey = to === 'PRODUCT' ? 'value' : 'commitment_market_value';
    const mask: Record<string, true> = { mandate_status: true, consultant: true, [valueKey]: true };
    const picked = (rel.props as z.ZodObject).pick(mask as Record<string, never>);
    const named = new Map<string, Named>();
    for (const [property, key] of [
      ['mandate_status', 'mandate_status'],
      [valueKey, 'value'],
      ['consultant', 'credited_consultant'],
    ] as const) {
      const cell = get(key);
      if (cell) named.set(property, cell);
    }
    const props = record(picked, named, problems, new Set());
    if (props)
      writes.push({ kind: 'relationship', rel, s: company, t: product, props, updateOnly: true });
  }
  return { writes, problems };
}

export function rowWrites(
  layout: FileLayout,
  header: readonly string[],
  cells: readonly Cell[],
): RowOutcome {
  const named = byProperty(layout, header, cells);
  switch (layout.layout) {
    case 'nodes':
      return nodeRow(layout.label, named);
    case 'relationships':
      return relRow(layout.type, named);
    case 'coverage':
      return coverageRow(named);
    case 'graph-nodes': {
      const label = NodeLabel.safeParse(text(named.get('node_type')));
      if (!label.success)
        return {
          writes: [],
          problems: [
            {
              column: named.get('node_type')?.column ?? 'node_type',
              reason: 'not a node label of the model',
            },
          ],
        };
      return nodeRow(label.data, named);
    }
    case 'graph-edges': {
      const named2 = named.get('rel_type');
      const type = RELATIONSHIP_KINDS.find((k) => k.type === text(named2))?.type;
      if (!type)
        return {
          writes: [],
          problems: [
            {
              column: named2?.column ?? 'rel_type',
              reason: 'not a relationship type of the model',
            },
          ],
        };
      return relRow(type, named);
    }
  }
}

/** What makes a write unique within a file. */
export const writeKey = (write: Write): string =>
  write.kind === 'node'
    ? `${write.label}:${write.id}`
    : `${write.rel.type} ${write.rel.from}:${write.s} ${write.rel.to}:${write.t}`;
