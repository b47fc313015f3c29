/** Node rows per label, produced lazily in a fixed order from each label's own stream. */
import {
  ASSET_CLASSES,
  type CompanyProps,
  type ConsultantProps,
  type FieldConsultantProps,
  type IncumbentProductProps,
  type NodeLabel,
  type ProductProps,
} from '../../../shared/domain';
import type { RegionContext } from './context';
import {
  assetOwnerName,
  emailFor,
  HOUSE_BRAND,
  personName,
  productName,
  strategyName,
} from './names';
import { amount, clamp, type Rng } from './random';

export type NodeRow = Omit<
  ConsultantProps | FieldConsultantProps | CompanyProps | ProductProps | IncumbentProductProps,
  'generation_id'
>;

const score = (rng: Rng, mean: number): number => Math.round(clamp(rng.normal(mean, 15), 0, 100));

function* consultants(ctx: RegionContext): Generator<ConsultantProps> {
  const rng = ctx.stream('CONSULTANT');
  for (let i = 0; i < ctx.structure.consultants; i++) {
    const name = personName(rng, ctx.pools);
    yield {
      id: ctx.id('CONSULTANT', i),
      name,
      region: ctx.region,
      sales_region: ctx.consultantSalesRegion[i]!,
      channel: ctx.consultantChannel[i]!,
      pca: personName(rng, ctx.pools),
      consultant_advisor: personName(rng, ctx.pools),
      performance: score(rng, ctx.structure.star[i] ? 85 : 65),
      influence: score(rng, ctx.structure.star[i] ? 80 : 55),
      email: emailFor(name, ctx.region, i + 1),
    };
  }
}

function* fieldConsultants(ctx: RegionContext): Generator<FieldConsultantProps> {
  const rng = ctx.stream('FIELD_CONSULTANT');
  for (let k = 0; k < ctx.structure.fieldConsultants; k++) {
    const parent = ctx.structure.employer[k]!;
    yield {
      id: ctx.id('FIELD_CONSULTANT', k),
      name: personName(rng, ctx.pools),
      region: ctx.region,
      sales_region: ctx.consultantSalesRegion[parent]!,
      channel: rng.chance(0.7) ? ctx.consultantChannel[parent]! : rng.pick(ctx.channels),
      consultant_id: ctx.id('CONSULTANT', parent),
      fc_total_plan_assets: amount(rng, 750_000_000, 0.9),
    };
  }
}

function* companies(ctx: RegionContext): Generator<CompanyProps> {
  const rng = ctx.stream('COMPANY');
  for (let j = 0; j < ctx.structure.companies; j++) {
    const consultant = ctx.structure.companyConsultant[j]!;
    yield {
      id: ctx.id('COMPANY', j),
      name: assetOwnerName(rng, ctx.pools),
      region: ctx.region,
      sales_region: rng.chance(0.8)
        ? ctx.consultantSalesRegion[consultant]!
        : rng.pick(ctx.salesRegions),
      channel: rng.pick(ctx.channels),
      pca: personName(rng, ctx.pools),
      aca: personName(rng, ctx.pools),
      privacy: rng.weighted([
        ['Public', 50],
        ['Private', 35],
        ['Confidential', 15],
      ] as const),
      aum: Math.round(4_000_000_000 * ctx.structure.companyScale[j]!),
    };
  }
}

function* products(ctx: RegionContext): Generator<ProductProps> {
  const rng = ctx.stream('PRODUCT');
  for (let p = 0; p < ctx.structure.products; p++) {
    const assetClass = ASSET_CLASSES[ctx.structure.productClass[p]!]!;
    const strategy = strategyName(rng, assetClass);
    const house = rng.chance(0.4);
    yield {
      id: ctx.id('PRODUCT', p),
      name: productName(rng, house ? HOUSE_BRAND : rng.pick(ctx.managers), strategy),
      region: ctx.region,
      asset_class: assetClass,
      universe_name: `eVestment ${strategy} Universe`,
      universe_score: rng.float(1, 5, 1),
      jpm_flag: house ? 'Y' : 'N',
    };
  }
}

function* incumbents(ctx: RegionContext): Generator<IncumbentProductProps> {
  const rng = ctx.stream('INCUMBENT_PRODUCT');
  for (let q = 0; q < ctx.structure.incumbents; q++) {
    const assetClass = ASSET_CLASSES[ctx.structure.incumbentClass[q]!]!;
    const manager = ctx.incumbentManagers[q]!;
    yield {
      id: ctx.id('INCUMBENT_PRODUCT', q),
      name: productName(rng, manager, strategyName(rng, assetClass)),
      region: ctx.region,
      asset_class: assetClass,
      manager,
      evestment_product_guid: uuid(rng),
      jpm_flag: manager === HOUSE_BRAND ? 'Y' : 'N',
    };
  }
}

const hex = (rng: Rng, length: number): string =>
  Array.from({ length }, () => rng.int(0, 15).toString(16)).join('');

/** A version-4-shaped UUID from the seeded stream (faker's would not follow our seed). */
function uuid(rng: Rng): string {
  const variant = (8 + rng.int(0, 3)).toString(16);
  return `${hex(rng, 8)}-${hex(rng, 4)}-4${hex(rng, 3)}-${variant}${hex(rng, 3)}-${hex(rng, 12)}`;
}

export const NODE_ROWS: Record<NodeLabel, (ctx: RegionContext) => Iterable<NodeRow>> = {
  CONSULTANT: consultants,
  FIELD_CONSULTANT: fieldConsultants,
  COMPANY: companies,
  PRODUCT: products,
  INCUMBENT_PRODUCT: incumbents,
};

export const nodeCount = (ctx: RegionContext, label: NodeLabel): number =>
  ({
    CONSULTANT: ctx.structure.consultants,
    FIELD_CONSULTANT: ctx.structure.fieldConsultants,
    COMPANY: ctx.structure.companies,
    PRODUCT: ctx.structure.products,
    INCUMBENT_PRODUCT: ctx.structure.incumbents,
  })[label];
