/**
 * Filter options from the rows the options queries return: distinct values in the domain's
 * order (values the domain does not know come after, alphabetically), entity lists sorted by
 * name and cut at a cap, and the range of field consultants' plan assets.
 */
import type { FilterOptions, JsonValue } from '../../../shared/api';
import {
  ASSET_CLASSES,
  CHANNELS,
  JPM_FLAGS,
  MANDATE_STATUSES,
  NODE_LABELS,
  OPPORTUNITY_TYPES,
  PRIVACY_LEVELS,
  RATINGS,
  SALES_REGIONS,
  type NodeLabel,
} from '../../../shared/domain';
import { toJson } from '../../db/mapping';

/** Entity lists longer than this are cut (search finds the rest). */
const ENTITY_OPTION_CAP = 1_000;

export type OptionRow = Record<string, unknown>;
type Entity = { [key: string]: JsonValue };

function entities(row: OptionRow, column: string): Entity[] {
  const value = toJson(row[column]);
  return Array.isArray(value)
    ? value.filter((v): v is Entity => typeof v === 'object' && v !== null && !Array.isArray(v))
    : [];
}

function distinct(values: unknown[], order: readonly string[] = []): string[] {
  const set = new Set(values.filter((v): v is string => typeof v === 'string'));
  const rank = (v: string): number => {
    const index = order.indexOf(v);
    return index === -1 ? order.length : index;
  };
  return [...set].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function entityList(
  items: Entity[],
  cap: number,
): { list: FilterOptions['consultants']; cut: boolean } {
  const list = items
    .flatMap(({ id, name }) =>
      typeof id === 'string' ? [{ id, name: typeof name === 'string' ? name : id }] : [],
    )
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { list: list.slice(0, cap), cut: list.length > cap };
}

function range(values: unknown[]): FilterOptions['fc_total_plan_assets'] {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return { min: null, max: null };
  // A loop, not Math.min(...numbers): lists can be longer than the argument limit.
  let min = Infinity;
  let max = -Infinity;
  for (const n of numbers) {
    if (n < min) min = n;
    if (n > max) max = n;
  }
  return { min, max };
}

export function buildFilterOptions(row: OptionRow, cap = ENTITY_OPTION_CAP): FilterOptions {
  const byLabel: Record<NodeLabel, Entity[]> = {
    CONSULTANT: entities(row, 'consultants'),
    FIELD_CONSULTANT: entities(row, 'field_consultants'),
    COMPANY: entities(row, 'companies'),
    PRODUCT: entities(row, 'products'),
    INCUMBENT_PRODUCT: entities(row, 'incumbent_products'),
  };
  const all = Object.values(byLabel).flat();
  const people = [...byLabel.CONSULTANT, ...byLabel.FIELD_CONSULTANT, ...byLabel.COMPANY];
  const products = [...byLabel.PRODUCT, ...byLabel.INCUMBENT_PRODUCT];
  const lists = {
    consultants: entityList(byLabel.CONSULTANT, cap),
    field_consultants: entityList(byLabel.FIELD_CONSULTANT, cap),
    companies: entityList(byLabel.COMPANY, cap),
    products: entityList(byLabel.PRODUCT, cap),
    incumbent_products: entityList(byLabel.INCUMBENT_PRODUCT, cap),
  };
  const values = (column: string): unknown[] => {
    const value = toJson(row[column]);
    return Array.isArray(value) ? value : [];
  };
  return {
    regions: distinct(all.map((e) => e.region)),
    node_types: NODE_LABELS.filter((label) => byLabel[label].length > 0),
    sales_regions: distinct(
      people.map((e) => e.sales_region),
      SALES_REGIONS,
    ),
    channels: distinct(
      people.map((e) => e.channel),
      CHANNELS,
    ),
    asset_classes: distinct(
      products.map((e) => e.asset_class),
      ASSET_CLASSES,
    ),
    mandate_statuses: distinct(values('mandate_statuses'), MANDATE_STATUSES),
    ratings: distinct(values('ratings'), RATINGS),
    influence_levels: [
      ...new Set(values('influence_levels').filter((v): v is number => Number.isInteger(v))),
    ].sort((a, b) => a - b),
    privacy_levels: distinct(
      byLabel.COMPANY.map((e) => e.privacy),
      PRIVACY_LEVELS,
    ),
    jpm_flags: distinct(
      products.map((e) => e.jpm_flag),
      JPM_FLAGS,
    ),
    opportunity_types: distinct(values('opportunity_types'), OPPORTUNITY_TYPES),
    consultants: lists.consultants.list,
    field_consultants: lists.field_consultants.list,
    companies: lists.companies.list,
    products: lists.products.list,
    incumbent_products: lists.incumbent_products.list,
    fc_total_plan_assets: range(byLabel.FIELD_CONSULTANT.map((e) => e.fc_total_plan_assets)),
    truncated: Object.values(lists).some((l) => l.cut),
  };
}
