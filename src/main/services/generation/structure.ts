/**
 * The shape of one region's network, decided up front from its own random stream: who employs,
 * covers, owns, rates and recommends what. Kept as compact numeric arrays so that rows (with
 * their text values) can be produced lazily batch by batch, even for millions of relationships.
 *
 * The requested sizes are means: the totals are exactly the means times the counts, but each
 * consultant's share follows a heavy-tailed weight (log-normal, with a few stars far above the
 * rest), companies differ in size (log-normal, which also drives their assets and how many
 * products they own) and some products are far more popular than others. Entities are laid out
 * group after group: a consultant's field consultants are contiguous, and so are a field
 * consultant's companies.
 */
import { ASSET_CLASSES } from '../../../shared/domain';
import { apportion, offsetsOf } from './apportion';
import type { GenerationParams } from './params';
import { createRng, hashSeed, type Rng } from './random';

/** On average each catalogue product is owned by this many companies. */
const OWNERS_PER_PRODUCT = 1.2;
/** How many recommendations an incumbent product may get (each with the probability). */
const RECOMMENDATION_TRIES = 3;
/** Spread of the log-normal weights of consultants, companies and products. */
const CONSULTANT_SPREAD = 1;
const COMPANY_SPREAD = 1;
const PRODUCT_SPREAD = 1;
/** About one consultant in twelve is a star, whose network is this many times a typical one. */
const STAR_SHARE = 0.08;
const STAR_FACTOR = 10;
/** A company owns at most this many times the mean number of products. */
const OWNED_CAP = 4;

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
  /** 1 for the region's star consultants. */
  star: Uint8Array;
  /** The consultant employing each field consultant. */
  employer: Int32Array;
  /** The field consultant covering each company, and that field consultant's consultant. */
  coverer: Int32Array;
  companyConsultant: Int32Array;
  /** Relative size of each company (median 1). */
  companyScale: Float64Array;
  /** Index into ASSET_CLASSES per product / incumbent product. */
  productClass: Uint8Array;
  incumbentClass: Uint8Array;
  /** Company j owns ownedProducts[productStart[j] … productStart[j+1]-1]; the same for incumbents. */
  productStart: Int32Array;
  ownedProducts: Int32Array;
  incumbentStart: Int32Array;
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

const logNormal = (rng: Rng, count: number, spread: number): Float64Array =>
  Float64Array.from({ length: count }, () => Math.exp(rng.normal(0, spread)));

/** Draws indices by weight (binary search over the cumulative weights). */
function weightedIndex(cumulative: Float64Array): (rng: Rng) => number {
  const total = cumulative[cumulative.length - 1]!;
  return (rng) => {
    const roll = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/**
 * Company by company, `counts[j]` distinct catalogue items, popular items more often (uniform
 * when a company owns much of the catalogue, where drawing by weight would repeat too often).
 */
function own(rng: Rng, counts: Int32Array, size: number): Int32Array {
  const out = new Int32Array(counts.reduce((a, b) => a + b, 0));
  if (size === 0) return out;
  const popularity = logNormal(rng, size, PRODUCT_SPREAD);
  const cumulative = new Float64Array(size);
  popularity.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const popular = weightedIndex(cumulative);
  let at = 0;
  for (const count of counts) {
    const draw = count * 2 > size ? () => rng.int(0, size - 1) : () => popular(rng);
    const seen = new Set<number>();
    while (seen.size < count) {
      const item = draw();
      if (seen.has(item)) continue;
      seen.add(item);
      out[at++] = item;
    }
  }
  return out;
}

function classes(rng: Rng, count: number): Uint8Array {
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = rng.weighted(ASSET_CLASS_WEIGHTS);
  return out;
}

/** Each consultant rates some of the distinct products its companies own. */
function ratings(
  rng: Rng,
  p: GenerationParams,
  s: Pick<RegionStructure, 'companyConsultant' | 'productStart' | 'ownedProducts'>,
) {
  const consultant: number[] = [];
  const product: number[] = [];
  let seen = new Set<number>();
  for (let j = 0; j < s.companyConsultant.length; j++) {
    const c = s.companyConsultant[j]!;
    if (j > 0 && s.companyConsultant[j - 1] !== c) seen = new Set();
    for (let i = s.productStart[j]!; i < s.productStart[j + 1]!; i++) {
      const item = s.ownedProducts[i]!;
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

/** Parent index of each child, children laid out parent after parent. */
function parents(counts: Int32Array): Int32Array {
  const out = new Int32Array(counts.reduce((a, b) => a + b, 0));
  let at = 0;
  counts.forEach((count, parent) => out.fill(parent, at, (at += count)));
  return out;
}

/** Who works for whom: field consultants per consultant, companies per field consultant. */
function hierarchy(rng: Rng, p: GenerationParams) {
  const consultants = p.consultantsPerRegion;
  const stars = new Uint8Array(consultants);
  const starCount = Math.max(1, Math.round(consultants * STAR_SHARE));
  while (stars.reduce((a, b) => a + b, 0) < Math.min(starCount, consultants))
    stars[rng.int(0, consultants - 1)] = 1;
  const weight = logNormal(rng, consultants, CONSULTANT_SPREAD).map((w, c) =>
    stars[c] ? Math.max(w, 1) * STAR_FACTOR : w,
  );
  const fieldConsultants = consultants * p.fieldConsultantsPerConsultant;
  const companies = fieldConsultants * p.companiesPerFieldConsultant;
  // Larger networks have more field consultants, and more companies for each of them.
  const fcPerConsultant = apportion(fieldConsultants, weight.map(Math.sqrt), 1);
  const companiesPerConsultant = new Int32Array(consultants);
  const weights = weight.map((w, c) => w * fcPerConsultant[c]!);
  apportion(companies - fieldConsultants, weights).forEach(
    (extra, c) => (companiesPerConsultant[c] = fcPerConsultant[c]! + extra),
  );
  const employer = parents(fcPerConsultant);
  const fcStart = offsetsOf(fcPerConsultant);
  const companiesPerFc = new Int32Array(fieldConsultants);
  for (let c = 0; c < consultants; c++) {
    const team = fcPerConsultant[c]!;
    const split = apportion(companiesPerConsultant[c]!, logNormal(rng, team, 0.5), 1);
    companiesPerFc.set(split, fcStart[c]);
  }
  const coverer = parents(companiesPerFc);
  return {
    consultants,
    fieldConsultants,
    companies,
    star: stars,
    employer,
    coverer,
    companyConsultant: coverer.map((k) => employer[k]!),
  };
}

export function buildStructure(p: GenerationParams, region: string): RegionStructure {
  const rng = createRng(hashSeed(p.seed, region, 'structure'));
  const h = hierarchy(rng, p);
  const products = catalogueSize(h.companies, p.productsPerCompany);
  const incumbents = catalogueSize(h.companies, p.incumbentsPerCompany);
  const productClass = classes(rng, products);
  const incumbentClass = classes(rng, incumbents);
  const companyScale = logNormal(rng, h.companies, COMPANY_SPREAD);
  // Larger companies own more mandates.
  const appetite = companyScale.map(Math.sqrt);
  const productCounts = apportion(
    h.companies * p.productsPerCompany,
    appetite,
    1,
    Math.min(products, OWNED_CAP * p.productsPerCompany),
  );
  const incumbentCounts = apportion(
    h.companies * p.incumbentsPerCompany,
    appetite,
    0,
    Math.min(incumbents, OWNED_CAP * p.incumbentsPerCompany),
  );
  const productStart = offsetsOf(productCounts);
  const incumbentStart = offsetsOf(incumbentCounts);
  const ownedProducts = own(rng, productCounts, products);
  const ownedIncumbents = own(rng, incumbentCounts, incumbents);
  const directCoverage = Uint8Array.from({ length: h.companies }, () =>
    rng.chance(p.directCoverageProbability) ? 1 : 0,
  );
  const rated = ratings(rng, p, {
    companyConsultant: h.companyConsultant,
    productStart,
    ownedProducts,
  });
  const recommended = recommendations(rng, p, { productClass, incumbentClass });
  return {
    region,
    ...h,
    products,
    incumbents,
    companyScale,
    productClass,
    incumbentClass,
    productStart,
    ownedProducts,
    incumbentStart,
    ownedIncumbents,
    directCoverage,
    ratingConsultant: rated.consultant,
    ratingProduct: rated.product,
    recommendationIncumbent: recommended.incumbent,
    recommendationProduct: recommended.product,
  };
}
