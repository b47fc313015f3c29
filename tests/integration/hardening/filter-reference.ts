/**
 * The filter semantics of the specification, evaluated in memory over a small graph: enumerate
 * every network path of the mode, keep those whose elements each satisfy every filter that
 * applies to them (OR within a field, AND across fields, a ratings filter needs a matching
 * rating), and return the union of their nodes of the requested types with the path
 * relationships whose two ends are returned. Written from the specification, not from the Cypher.
 */
import type { FilterRequest } from '../../../src/shared/api';
import type { GraphMode, NodeLabel } from '../../../src/shared/domain';
import type { RGraph, RNode, RRel } from './random-graph';

type Element = RNode | RRel;
/** Which path element (by role) a filter field constrains, and how. */
type Check = { roles: string[]; test: (element: Element) => boolean };

const inList =
  (property: string, values: readonly (string | number)[]) =>
  (element: Element): boolean =>
    values.includes(element.props[property] as string | number);
const idIn =
  (values: readonly string[]) =>
  (element: Element): boolean =>
    'id' in element && values.includes(element.id);

const MODE_LABELS: Record<GraphMode, NodeLabel[]> = {
  standard: ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY', 'PRODUCT'],
  recommendations: ['COMPANY', 'INCUMBENT_PRODUCT', 'PRODUCT'],
};

/** The field consultant's assets compared with a bound (a filter only it can satisfy). */
const numberCheck = (
  bound: number | undefined,
  compare: (assets: number, bound: number) => boolean,
): Check | undefined =>
  bound === undefined
    ? undefined
    : { roles: ['f!'], test: (e) => compare(Number(e.props.fc_total_plan_assets), bound) };

/** Field → check, per mode; a field absent from a mode's table does not apply there. */
function checks(filter: FilterRequest): Record<GraphMode, Record<string, Check | undefined>> {
  const f = filter;
  const regionOf = (values: readonly string[]) => (e: Element) =>
    values.includes(String(e.props.region));
  return {
    standard: {
      regions: f.regions && { roles: ['c', 'f', 'co', 'p'], test: regionOf(f.regions) },
      sales_regions: f.sales_regions && {
        roles: ['c', 'f', 'co'],
        test: inList('sales_region', f.sales_regions),
      },
      channels: f.channels && { roles: ['c', 'f', 'co'], test: inList('channel', f.channels) },
      privacy_levels: f.privacy_levels && {
        roles: ['co'],
        test: inList('privacy', f.privacy_levels),
      },
      asset_classes: f.asset_classes && {
        roles: ['p'],
        test: inList('asset_class', f.asset_classes),
      },
      jpm_flags: f.jpm_flags && { roles: ['p'], test: inList('jpm_flag', f.jpm_flags) },
      mandate_statuses: f.mandate_statuses && {
        roles: ['o'],
        test: inList('mandate_status', f.mandate_statuses),
      },
      influence_levels: f.influence_levels && {
        roles: ['v'],
        test: inList('level_of_influence', f.influence_levels),
      },
      ratings: f.ratings && { roles: ['r'], test: inList('rating', f.ratings) },
      consultant_ids: f.consultant_ids && { roles: ['c'], test: idIn(f.consultant_ids) },
      field_consultant_ids: f.field_consultant_ids && {
        roles: ['f!'],
        test: idIn(f.field_consultant_ids),
      },
      company_ids: f.company_ids && { roles: ['co'], test: idIn(f.company_ids) },
      product_ids: f.product_ids && { roles: ['p'], test: idIn(f.product_ids) },
      fc_total_plan_assets_min: numberCheck(f.fc_total_plan_assets_min, (a, b) => a >= b),
      fc_total_plan_assets_max: numberCheck(f.fc_total_plan_assets_max, (a, b) => a <= b),
    },
    recommendations: {
      regions: f.regions && { roles: ['co', 'i', 'p'], test: regionOf(f.regions) },
      sales_regions: f.sales_regions && {
        roles: ['co'],
        test: inList('sales_region', f.sales_regions),
      },
      channels: f.channels && { roles: ['co'], test: inList('channel', f.channels) },
      privacy_levels: f.privacy_levels && {
        roles: ['co'],
        test: inList('privacy', f.privacy_levels),
      },
      asset_classes: f.asset_classes && {
        roles: ['i', 'p'],
        test: inList('asset_class', f.asset_classes),
      },
      jpm_flags: f.jpm_flags && { roles: ['i', 'p'], test: inList('jpm_flag', f.jpm_flags) },
      mandate_statuses: f.mandate_statuses && {
        roles: ['o'],
        test: inList('mandate_status', f.mandate_statuses),
      },
      opportunity_types: f.opportunity_types && {
        roles: ['b'],
        test: inList('opportunity_type', f.opportunity_types),
      },
      company_ids: f.company_ids && { roles: ['co'], test: idIn(f.company_ids) },
      incumbent_product_ids: f.incumbent_product_ids && {
        roles: ['i'],
        test: idIn(f.incumbent_product_ids),
      },
      product_ids: f.product_ids && { roles: ['p'], test: idIn(f.product_ids) },
    },
  };
}

/** A path as role → element; `f`/`e` absent on direct coverage, `r` absent when unrated. */
type Path = Partial<Record<string, Element>>;

function standardPaths(graph: RGraph): Path[] {
  const node = new Map(graph.nodes.map((n) => [n.id, n]));
  const out = (id: string, type: string) =>
    graph.rels.filter((r) => r.from === id && r.type === type);
  const labelled = (rel: RRel, label: NodeLabel) => node.get(rel.to)?.label === label;
  const paths: Path[] = [];
  const extend = (base: Path, companyRel: RRel): void => {
    const co = node.get(companyRel.to);
    if (!co) return;
    for (const o of out(co.id, 'OWNS').filter((r) => labelled(r, 'PRODUCT'))) {
      const p = node.get(o.to);
      const c = base.c as RNode;
      const ratings = graph.rels.filter(
        (r) => r.type === 'RATES' && r.from === c.id && r.to === p?.id,
      );
      // The rating is optional to the path: one path per rating, or one without.
      for (const r of ratings.length ? ratings : [undefined])
        paths.push({ ...base, v: companyRel, co, o, p, ...(r ? { r } : {}) });
    }
  };
  for (const c of graph.nodes.filter((n) => n.label === 'CONSULTANT')) {
    for (const e of out(c.id, 'EMPLOYS')) {
      const f = node.get(e.to);
      if (!f) continue;
      for (const v of out(f.id, 'COVERS').filter((r) => labelled(r, 'COMPANY')))
        extend({ c, e, f }, v);
    }
    for (const v of out(c.id, 'COVERS').filter((r) => labelled(r, 'COMPANY'))) extend({ c }, v);
  }
  return paths;
}

function recommendationPaths(graph: RGraph): Path[] {
  const node = new Map(graph.nodes.map((n) => [n.id, n]));
  const paths: Path[] = [];
  for (const o of graph.rels.filter((r) => r.type === 'OWNS')) {
    const co = node.get(o.from);
    const i = node.get(o.to);
    if (co?.label !== 'COMPANY' || i?.label !== 'INCUMBENT_PRODUCT') continue;
    for (const b of graph.rels.filter((r) => r.type === 'BI_RECOMMENDS' && r.from === i.id))
      paths.push({ co, o, i, b, p: node.get(b.to) });
  }
  return paths;
}

export type Expected =
  { refused: true; fields: string[] } | { refused: false; nodes: Set<string>; rels: Set<string> };

const isSet = (value: unknown): boolean =>
  Array.isArray(value) ? value.length > 0 : value !== undefined;

export function evaluateFilter(graph: RGraph, filter: FilterRequest): Expected {
  const table = checks(filter)[filter.mode];
  const fields = Object.keys(filter).filter(
    (key) =>
      !['mode', 'limit', 'node_types'].includes(key) && isSet(filter[key as keyof FilterRequest]),
  );
  const notApplicable = fields.filter((field) => !(field in table));
  const { fc_total_plan_assets_min: min, fc_total_plan_assets_max: max } = filter;
  if (min !== undefined && max !== undefined && min > max)
    notApplicable.push('fc_total_plan_assets_min');
  if (notApplicable.length) return { refused: true, fields: notApplicable };
  const active = fields.map((field) => table[field]).filter((c): c is Check => !!c);

  const matches = (path: Path): boolean =>
    active.every((check) =>
      check.roles.every((role) => {
        const required = role.endsWith('!');
        const element = path[required ? role.slice(0, -1) : role];
        // An element the path lacks: fine, unless the filter needs it (field consultant, rating).
        if (!element) return !required && role !== 'r';
        return check.test(element);
      }),
    );

  const types = new Set<NodeLabel>(
    (filter.node_types?.length ? filter.node_types : MODE_LABELS[filter.mode]).filter((label) =>
      MODE_LABELS[filter.mode].includes(label),
    ),
  );
  const nodes = new Set<string>();
  const rels = new Set<string>();
  const all = filter.mode === 'standard' ? standardPaths(graph) : recommendationPaths(graph);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const path of all.filter(matches)) {
    for (const element of Object.values(path)) {
      if (element && 'label' in element && types.has(element.label))
        nodes.add(`${element.label}:${element.id}`);
    }
    for (const element of Object.values(path)) {
      if (!element || 'label' in element) continue;
      const from = byId.get(element.from);
      const to = byId.get(element.to);
      if (from && to && types.has(from.label) && types.has(to.label)) rels.add(element.key);
    }
  }
  return { refused: false, nodes, rels };
}
