/**
 * The network paths that filters match, as a Cypher subquery, and which filter applies to which
 * element of a path. A path matches when each of its elements satisfies every filter that
 * applies to it: values within a field are ORed (`IN $field`), fields are ANDed.
 *
 * Standard mode — variables c, e, f, v, co, o, p, r:
 *   (c:CONSULTANT)-[e:EMPLOYS]->(f:FIELD_CONSULTANT)-[v:COVERS]->(co:COMPANY)-[o:OWNS]->(p:PRODUCT)
 *   (c:CONSULTANT)-[v:COVERS]->(co:COMPANY)-[o:OWNS]->(p:PRODUCT)          (direct coverage)
 *   plus (c)-[r:RATES]->(p), the rating between the path's consultant and product: optional,
 *   required (and matching) when `ratings` is set, so unrated paths fail a ratings filter.
 *   regions → every node; sales_regions, channels → consultant, field consultant, company;
 *   privacy_levels → company; asset_classes, jpm_flags → product; mandate_statuses → OWNS;
 *   influence_levels → COVERS; *_ids → the node of that label; fc_total_plan_assets_min/max →
 *   the field consultant; aum_min/max → company; performance_, influence_min/max → consultant;
 *   owns_value_, owns_start_date_min/max → OWNS; rates_date_min/max → the rating, required like
 *   `ratings`. Filters on the field consultant (its ids and assets range) exclude
 *   direct-coverage paths, which have none.
 *
 * Recommendations mode — variables co, o, i, b, p:
 *   (co:COMPANY)-[o:OWNS]->(i:INCUMBENT_PRODUCT)-[b:BI_RECOMMENDS]->(p:PRODUCT)
 *   regions → every node; sales_regions, channels, privacy_levels → company; asset_classes,
 *   jpm_flags → incumbent and recommended product; mandate_statuses → OWNS;
 *   opportunity_types → BI_RECOMMENDS; *_ids → the node of that label; aum_min/max → company.
 *
 * Fields with no element in a mode's paths are refused by the service rather than ignored.
 */
import type { ModeFilterField, PathFilterField } from '../../../shared/api';
import type { GraphMode } from '../../../shared/domain';

export type { PathFilterField } from '../../../shared/api';

const inList = (field: PathFilterField, ...vars: string[]): string[] =>
  vars.map((v) => `${v} IN $${field}`);

/** Exactly the fields of MODE_FILTER_FIELDS per mode, each with its conditions. */
const CONDITIONS = {
  standard: {
    regions: inList('regions', 'c.region', 'f.region', 'co.region', 'p.region'),
    sales_regions: inList('sales_regions', 'c.sales_region', 'f.sales_region', 'co.sales_region'),
    channels: inList('channels', 'c.channel', 'f.channel', 'co.channel'),
    privacy_levels: inList('privacy_levels', 'co.privacy'),
    asset_classes: inList('asset_classes', 'p.asset_class'),
    jpm_flags: inList('jpm_flags', 'p.jpm_flag'),
    mandate_statuses: inList('mandate_statuses', 'o.mandate_status'),
    influence_levels: inList('influence_levels', 'v.level_of_influence'),
    ratings: inList('ratings', 'r.rating'),
    consultant_ids: inList('consultant_ids', 'c.id'),
    field_consultant_ids: inList('field_consultant_ids', 'f.id'),
    company_ids: inList('company_ids', 'co.id'),
    product_ids: inList('product_ids', 'p.id'),
    fc_total_plan_assets_min: ['f.fc_total_plan_assets >= $fc_total_plan_assets_min'],
    fc_total_plan_assets_max: ['f.fc_total_plan_assets <= $fc_total_plan_assets_max'],
    aum_min: ['co.aum >= $aum_min'],
    aum_max: ['co.aum <= $aum_max'],
    performance_min: ['c.performance >= $performance_min'],
    performance_max: ['c.performance <= $performance_max'],
    influence_min: ['c.influence >= $influence_min'],
    influence_max: ['c.influence <= $influence_max'],
    owns_value_min: ['o.value >= $owns_value_min'],
    owns_value_max: ['o.value <= $owns_value_max'],
    owns_start_date_min: ['o.start_date >= date($owns_start_date_min)'],
    owns_start_date_max: ['o.start_date <= date($owns_start_date_max)'],
    rates_date_min: ['r.date >= date($rates_date_min)'],
    rates_date_max: ['r.date <= date($rates_date_max)'],
  },
  recommendations: {
    regions: inList('regions', 'co.region', 'i.region', 'p.region'),
    sales_regions: inList('sales_regions', 'co.sales_region'),
    channels: inList('channels', 'co.channel'),
    privacy_levels: inList('privacy_levels', 'co.privacy'),
    asset_classes: inList('asset_classes', 'i.asset_class', 'p.asset_class'),
    jpm_flags: inList('jpm_flags', 'i.jpm_flag', 'p.jpm_flag'),
    mandate_statuses: inList('mandate_statuses', 'o.mandate_status'),
    opportunity_types: inList('opportunity_types', 'b.opportunity_type'),
    company_ids: inList('company_ids', 'co.id'),
    incumbent_product_ids: inList('incumbent_product_ids', 'i.id'),
    product_ids: inList('product_ids', 'p.id'),
    aum_min: ['co.aum >= $aum_min'],
    aum_max: ['co.aum <= $aum_max'],
  },
} satisfies { [M in GraphMode]: Record<ModeFilterField<M>, string[]> };

export const PATH_CONDITIONS: Record<
  GraphMode,
  Partial<Record<PathFilterField, string[]>>
> = CONDITIONS;

const where = (conditions: string[]): string =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';

/** Conditions of the given fields on the variables a path has (`r.` is the rating clause's). */
function conditionsFor(mode: GraphMode, fields: readonly PathFilterField[], vars: string[]) {
  return fields
    .flatMap((field) => PATH_CONDITIONS[mode][field] ?? [])
    .filter((condition) => vars.some((v) => condition.startsWith(`${v}.`)));
}

/** Variables a subquery may take from outside: a path root (`c`, `co`) or the hub (`co`, `i`). */
export type BoundVariable = 'c' | 'co' | 'i';

/** The RETURN list without the bound variable (a subquery cannot return what it imported). */
const returning = (items: string[], bound?: BoundVariable): string =>
  `RETURN ${items.filter((item) => item !== bound).join(', ')}`;

function standardPaths(fields: readonly PathFilterField[], bound?: BoundVariable): string {
  // A filter on the rating (its value or date) needs one: unrated paths fail it.
  const rated = conditionsFor('standard', fields, ['r']).length > 0;
  const rating = rated
    ? `MATCH (c)-[r:RATES]->(p) ${where(conditionsFor('standard', fields, ['r']))}`
    : 'OPTIONAL MATCH (c)-[r:RATES]->(p)';
  const viaField = `MATCH (c:CONSULTANT)-[e:EMPLOYS]->(f:FIELD_CONSULTANT)-[v:COVERS]->(co:COMPANY)-[o:OWNS]->(p:PRODUCT)
  ${where(conditionsFor('standard', fields, ['c', 'f', 'v', 'co', 'o', 'p']))}
  ${rating}
  ${returning(['c', 'e', 'f', 'v', 'co', 'o', 'p', 'r'], bound)}`;
  // Direct coverage has no field consultant: filters on one rule it out.
  const needsField = fields.some((field) =>
    (PATH_CONDITIONS.standard[field] ?? []).every((condition) => condition.startsWith('f.')),
  );
  if (needsField) return viaField;
  const direct = `MATCH (c:CONSULTANT)-[v:COVERS]->(co:COMPANY)-[o:OWNS]->(p:PRODUCT)
  ${where(conditionsFor('standard', fields, ['c', 'v', 'co', 'o', 'p']))}
  ${rating}
  ${returning(['c', 'null AS e', 'null AS f', 'v', 'co', 'o', 'p', 'r'], bound)}`;
  return `${viaField}
  UNION ALL
  ${direct}`;
}

function recommendationPaths(fields: readonly PathFilterField[], bound?: BoundVariable): string {
  return `MATCH (co:COMPANY)-[o:OWNS]->(i:INCUMBENT_PRODUCT)-[b:BI_RECOMMENDS]->(p:PRODUCT)
  ${where(conditionsFor('recommendations', fields, ['co', 'o', 'i', 'b', 'p']))}
  ${returning(['co', 'o', 'i', 'b', 'p'], bound)}`;
}

/**
 * `CALL () { … }` yielding one row per matching path: standard mode c, e, f, v, co, o, p, r
 * (e, f null on direct coverage; r null when unrated); recommendations mode co, o, i, b, p.
 */
export function pathsSubquery(
  mode: GraphMode,
  fields: readonly PathFilterField[],
  bound?: BoundVariable,
): string {
  const body =
    mode === 'standard' ? standardPaths(fields, bound) : recommendationPaths(fields, bound);
  return `CALL (${bound ?? ''}) {
  ${body}
}`;
}

/** The path root of each mode and the conditions of the fields on it alone. */
export const PATH_ROOT = {
  standard: { variable: 'c', label: 'CONSULTANT' },
  recommendations: { variable: 'co', label: 'COMPANY' },
} as const satisfies Record<GraphMode, { variable: BoundVariable; label: string }>;

/**
 * The node through which every relationship of a path not touching the root passes (standard:
 * the company — COVERS from a field consultant, OWNS; recommendations: the incumbent —
 * BI_RECOMMENDS).
 */
export const PATH_HUB = {
  standard: { variable: 'co', label: 'COMPANY', depth: 2 },
  recommendations: { variable: 'i', label: 'INCUMBENT_PRODUCT', depth: 1 },
} as const satisfies Record<GraphMode, { variable: BoundVariable; label: string; depth: number }>;

/** The fields' conditions on the path root alone (none: an empty list). */
export function rootConditions(mode: GraphMode, fields: readonly PathFilterField[]): string[] {
  return conditionsFor(mode, fields, [PATH_ROOT[mode].variable]);
}
