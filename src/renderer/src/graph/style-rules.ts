/**
 * Rule-based styling (as in Neo4j Bloom): colour, size and label of nodes by any property,
 * computed metrics included. A numeric property maps by range (a colour gradient or a size
 * scale between a minimum and a maximum, taken from the data unless set); any property maps by
 * category (one palette colour per value, most frequent first). Rules are plain data saved in
 * views; `styleNodes` turns them into per-node attributes and the legend's entries, pure.
 */
import { z } from 'zod';

const PropertyKey = z.string().trim().min(1).max(100);
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour as #rrggbb');
const Bound = z.number().finite().nullable().default(null);

/** Categorical palette (Tableau 10, then its lighter half): readable on light and dark. */
export const CATEGORY_PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#a0cbe8',
  '#ffbe7d',
] as const;
/** Values past the palette share one colour. */
export const OTHER_COLOR = '#6c757d';

export const DEFAULT_GRADIENT = { from: '#d0e4f5', to: '#08306b' } as const;
export const DEFAULT_SIZE_SCALE = { from: 3, to: 16 } as const;

export const ColorRule = z.discriminatedUnion('by', [
  z.object({
    by: z.literal('range'),
    property: PropertyKey,
    min: Bound,
    max: Bound,
    from: HexColor.default(DEFAULT_GRADIENT.from),
    to: HexColor.default(DEFAULT_GRADIENT.to),
  }),
  z.object({ by: z.literal('category'), property: PropertyKey }),
]);
export type ColorRule = z.infer<typeof ColorRule>;

export const SizeRule = z.object({
  by: z.literal('range'),
  property: PropertyKey,
  min: Bound,
  max: Bound,
  from: z.number().min(1).max(60).default(DEFAULT_SIZE_SCALE.from),
  to: z.number().min(1).max(60).default(DEFAULT_SIZE_SCALE.to),
});
export type SizeRule = z.infer<typeof SizeRule>;

const LabelRule = z.object({ property: PropertyKey });
type LabelRule = z.infer<typeof LabelRule>;

export const StyleRules = z.object({
  color: ColorRule.nullable().default(null),
  size: SizeRule.nullable().default(null),
  label: LabelRule.nullable().default(null),
});
export type StyleRules = z.infer<typeof StyleRules>;
export const NO_RULES: StyleRules = { color: null, size: null, label: null };

export const hasRules = (rules: StyleRules): boolean =>
  rules.color !== null || rules.size !== null || rules.label !== null;

/** The properties the rules read, each once. */
export const ruleProperties = (rules: StyleRules): string[] => [
  ...new Set([rules.color, rules.size, rules.label].flatMap((r) => (r ? [r.property] : []))),
];

/** A node's value of a property (null: it has none). */
export type ValueOf = (key: string, property: string) => unknown;

export type Domain = { min: number; max: number };

/** What the legend shows for the rules: the same numbers the nodes were styled with. */
type StyleLegend = {
  color:
    | { by: 'range'; property: string; domain: Domain; from: string; to: string }
    | {
        by: 'category';
        property: string;
        entries: { value: string; color: string; count: number }[];
        /** Nodes whose value is past the palette (drawn in OTHER_COLOR). */
        other: number;
      }
    | null;
  size: { property: string; domain: Domain; from: number; to: number } | null;
  label: { property: string } | null;
};

export type NodeStyle = {
  color: Map<string, string>;
  size: Map<string, number>;
  label: Map<string, string>;
  legend: StyleLegend;
};

const numeric = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

const categoryOf = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
};

/** The rule's domain: its own bounds, else the data's (null when no node has a number). */
export function domainOf(
  values: Iterable<number>,
  bounds: { min: number | null; max: number | null },
): Domain | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const lo = bounds.min ?? (min <= max ? min : null);
  const hi = bounds.max ?? (min <= max ? max : null);
  return lo === null || hi === null ? null : { min: Math.min(lo, hi), max: Math.max(lo, hi) };
}

/** Where a value sits in the domain, 0–1, clamped (0.5 when the domain is one point). */
function position(value: number, domain: Domain): number {
  if (domain.max === domain.min) return 0.5;
  return Math.min(1, Math.max(0, (value - domain.min) / (domain.max - domain.min)));
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour a fraction `t` along the gradient (in RGB). */
export function mixColor(from: string, to: string, t: number): string {
  const a = rgb(from);
  const b = rgb(to);
  const c = a.map((x, i) => Math.round(x + ((b[i] ?? x) - x) * t));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

function numbersOf(keys: readonly string[], property: string, valueOf: ValueOf) {
  const out = new Map<string, number>();
  for (const key of keys) {
    const v = numeric(valueOf(key, property));
    if (v !== null) out.set(key, v);
  }
  return out;
}

function styleColor(keys: readonly string[], rule: ColorRule, valueOf: ValueOf) {
  const color = new Map<string, string>();
  if (rule.by === 'range') {
    const values = numbersOf(keys, rule.property, valueOf);
    const domain = domainOf(values.values(), rule);
    if (domain === null) return { color, legend: null };
    for (const [key, v] of values)
      color.set(key, mixColor(rule.from, rule.to, position(v, domain)));
    const legend = {
      by: 'range' as const,
      property: rule.property,
      domain,
      from: rule.from,
      to: rule.to,
    };
    return { color, legend };
  }
  const counts = new Map<string, number>();
  const valueByKey = new Map<string, string>();
  for (const key of keys) {
    const v = categoryOf(valueOf(key, rule.property));
    if (v === null) continue;
    valueByKey.set(key, v);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  // Most frequent first; ties in natural order (community 2 before community 10).
  const ranked = [...counts].sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0], undefined, { numeric: true }),
  );
  const colorOf = new Map(ranked.map(([v], i) => [v, CATEGORY_PALETTE[i] ?? OTHER_COLOR]));
  for (const [key, v] of valueByKey) color.set(key, colorOf.get(v) ?? OTHER_COLOR);
  const shown = ranked.slice(0, CATEGORY_PALETTE.length);
  const legend = {
    by: 'category' as const,
    property: rule.property,
    entries: shown.map(([value, count]) => ({ value, count, color: colorOf.get(value) ?? '' })),
    other: ranked.slice(CATEGORY_PALETTE.length).reduce((n, [, c]) => n + c, 0),
  };
  return { color, legend };
}

function styleSize(keys: readonly string[], rule: SizeRule, valueOf: ValueOf) {
  const size = new Map<string, number>();
  const values = numbersOf(keys, rule.property, valueOf);
  const domain = domainOf(values.values(), rule);
  if (domain === null) return { size, legend: null };
  for (const [key, v] of values)
    size.set(key, rule.from + position(v, domain) * (rule.to - rule.from));
  return { size, legend: { property: rule.property, domain, from: rule.from, to: rule.to } };
}

function styleLabel(keys: readonly string[], rule: LabelRule, valueOf: ValueOf) {
  const label = new Map<string, string>();
  for (const key of keys) {
    const v = valueOf(key, rule.property);
    const text = typeof v === 'number' ? formatNumber(v) : categoryOf(v);
    if (text !== null) label.set(key, text);
  }
  return label;
}

/** A number as the legend and labels show it: up to 3 significant decimals. */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  const abs = Math.abs(v);
  if (abs !== 0 && (abs < 0.001 || abs >= 1e6)) return v.toExponential(2);
  return v.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** The rules applied to some nodes: the attributes the styled ones get, and the legend. */
export function styleNodes(
  keys: readonly string[],
  rules: StyleRules,
  valueOf: ValueOf,
): NodeStyle {
  const color = rules.color ? styleColor(keys, rules.color, valueOf) : null;
  const size = rules.size ? styleSize(keys, rules.size, valueOf) : null;
  return {
    color: color?.color ?? new Map<string, string>(),
    size: size?.size ?? new Map<string, number>(),
    label: rules.label ? styleLabel(keys, rules.label, valueOf) : new Map<string, string>(),
    legend: {
      color: color?.legend ?? null,
      size: size?.legend ?? null,
      label: rules.label ? { property: rules.label.property } : null,
    },
  };
}
