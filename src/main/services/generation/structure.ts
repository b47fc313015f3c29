/**
 * The shape of one region's network, decided up front from its own random stream: how many of
 * each node there are, who owns, rates and recommends what. Kept as compact numeric arrays so
 * that rows (with their text values) can be produced lazily batch by batch, even for millions
 * of relationships. Index arithmetic gives the hierarchy: field consultant k works for
 * consultant ⌊k/F⌋, company j is covered by field consultant ⌊j/C⌋.
 */
import { ASSET_CLASSES } from '../../../shared/domain';
import type { GenerationParams } from './params';
import { createRng, hashSeed, type Rng } from './random';

/** On average each catalogue product is owned by this many companies. */
const OWNERS_PER_PRODUCT = 1.2;
/** How many recommendations an incumbent product may get (each with the probability). */
const RECOMMENDATION_TRIES = 3;

const ASSET_CLASS_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 30], // Equities
  [1, 25], // Fixed Income
  [2, 10], // Real Estate
  [3, 8], // Commodities
  [4, 12], // Alternatives
  [5, 15], // Multi-Asset
];

export type RegionStructure = {
  region: string;
  consultants: number;
  fieldConsultants: number;
  companies: number;
  products: number;
  incumbents: number;
  /** Index into ASSET_CLASSES per product / incumbent product. */
  productClass: Uint8Array;
  incumbentClass: Uint8Array;
  /** Flattened: company j owns ownedProducts[j*P … j*P+P-1]. */
  ownedProducts: Int32Array;
  ownedIncumbents: Int32Array;
  /** 1 when the company's consultant also covers it directly. */
  directCoverage: Uint8Array;
  /** Parallel arrays: consultant ratingConsultant[i] rates product ratingProduct[i]. */
  ratingConsultant: Int32Array;
  ratingProduct: Int32Array;
  recommendationIncumbent: Int32Array;
  recommendationProduct: Int32Array;
};

function catalogueSize(owners: number, perOwner: number): number {
  if (perOwner === 0) return 0;
  return Math.max(perOwner, Math.ceil((owners * perOwner) / OWNERS_PER_PRODUCT));
}

/** `count` distinct integers in [0, size). */
function distinct(rng: Rng, count: number, size: number, into: Int32Array, at: number): void {
  const seen = new Set<number>();
  while (seen.size < count) {
    const value = rng.int(0, size - 1);
    if (!seen.has(value)) {
      into[at + seen.size] = value;
      seen.add(value);
    }
  }
}

function classes(rng: Rng, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.weighted(ASSET_CLASS_WEIGHTS);
  return out;
}

function ratings(rng: Rng, p: GenerationParams, owned: Int32Array, consultants: number) {
  const perConsultant =
    p.fieldConsultantsPerConsultant * p.companiesPerFieldConsultant * p.productsPerCompany;
  const consultant: number[] = [];
  const product: number[] = [];
  for (let c = 0; c < consultants; c++) {
    const seen = new Set<number>();
    for (let i = c * perConsultant; i < (c + 1) * perConsultant; i++) {
      const item = owned[i]!;
      if (seen.has(item)) continue;
      seen.add(item);
      if (rng.chance(p.ratingProbability)) {
        consultant.push(c);
        product.push(item);
      }
    }
  }
  return { consultant: Int32Array.from(consultant), product: Int32Array.from(product) };
}

function recommendations(
  rng: Rng,
  p: GenerationParams,
  s: Pick<RegionStructure, 'productClass' | 'incumbentClass'>,
) {
  const byClass = ASSET_CLASSES.map(() => [] as number[]);
  s.productClass.forEach((cls, index) => byClass[cls]!.push(index));
  const incumbent: number[] = [];
  const product: number[] = [];
  s.incumbentClass.forEach((cls, index) => {
    const sameClass = byClass[cls]!;
    const pool = sameClass.length > 0 ? sameClass : [...s.productClass.keys()];
    const chosen = new Set<number>();
    for (let t = 0; t < RECOMMENDATION_TRIES; t++) {
      if (!rng.chance(p.recommendationProbability)) continue;
      const target = rng.pick(pool);
      if (chosen.has(target)) continue;
      chosen.add(target);
      incumbent.push(index);
      product.push(target);
    }
  });
  return { incumbent: Int32Array.from(incumbent), product: Int32Array.from(product) };
}

export function buildStructure(p: GenerationParams, region: string): RegionStructure {
  const rng = createRng(hashSeed(p.seed, region, 'structure'));
  const consultants = p.consultantsPerRegion;
  const fieldConsultants = consultants * p.fieldConsultantsPerConsultant;
  const companies = fieldConsultants * p.companiesPerFieldConsultant;
  const products = catalogueSize(companies, p.productsPerCompany);
  const incumbents = catalogueSize(companies, p.incumbentsPerCompany);
  const productClass = classes(rng, products);
  const incumbentClass = classes(rng, incumbents);
  const ownedProducts = new Int32Array(companies * p.productsPerCompany);
  const ownedIncumbents = new Int32Array(companies * p.incumbentsPerCompany);
  const directCoverage = new Uint8Array(companies);
  for (let j = 0; j < companies; j++) {
    distinct(rng, p.productsPerCompany, products, ownedProducts, j * p.productsPerCompany);
    distinct(rng, p.incumbentsPerCompany, incumbents, ownedIncumbents, j * p.incumbentsPerCompany);
    directCoverage[j] = rng.chance(p.directCoverageProbability) ? 1 : 0;
  }
  const rated = ratings(rng, p, ownedProducts, consultants);
  const recommended = recommendations(rng, p, { productClass, incumbentClass });
  return {
    region,
    consultants,
    fieldConsultants,
    companies,
    products,
    incumbents,
    productClass,
    incumbentClass,
    ownedProducts,
    ownedIncumbents,
    directCoverage,
    ratingConsultant: rated.consultant,
    ratingProduct: rated.product,
    recommendationIncumbent: recommended.incumbent,
    recommendationProduct: recommended.product,
  };
}
