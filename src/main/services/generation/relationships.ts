/**
 * Relationship rows per type and end labels, produced lazily from each part's own stream. Ends
 * are ids (matched through the uniqueness constraints when written); every relationship stays
 * within its region.
 */
import type {
  BiRecommendsProps,
  CoversProps,
  EmploysProps,
  NodeLabel,
  OwnsIncumbentProps,
  OwnsProductProps,
  RatesProps,
  RelationshipType,
} from '../../../shared/domain';
import type { RegionContext } from './context';
import { isoDay, pastDay, wholeYearsUntilReference } from './dates';
import { amount, type Rng } from './random';

type RelProps =
  | EmploysProps
  | CoversProps
  | OwnsProductProps
  | OwnsIncumbentProps
  | RatesProps
  | BiRecommendsProps;

export type RelRow = { s: string; t: string; p: RelProps };

export type RelPart = {
  type: RelationshipType;
  from: NodeLabel;
  to: NodeLabel;
  count: (ctx: RegionContext) => number;
  rows: (ctx: RegionContext) => Iterable<RelRow>;
};

const influence = (rng: Rng, skew: number): CoversProps['level_of_influence'] =>
  rng.weighted([
    [1, 25 - skew],
    [2, 35 - skew],
    [3, 25 + skew],
    [4, 15 + skew],
  ] as const);

const mandateStatus = (rng: Rng): OwnsProductProps['mandate_status'] =>
  rng.weighted([
    ['Active', 70],
    ['At Risk', 15],
    ['Conversion in Progress', 15],
  ] as const);

function* employs(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('EMPLOYS');
  for (let k = 0; k < ctx.structure.fieldConsultants; k++) {
    const start = pastDay(rng, 15);
    yield {
      s: ctx.id('CONSULTANT', ctx.structure.employer[k]!),
      t: ctx.id('FIELD_CONSULTANT', k),
      p: { start_date: isoDay(start), duration: wholeYearsUntilReference(start) },
    };
  }
}

function* fieldCoverage(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('COVERS:FIELD_CONSULTANT');
  for (let j = 0; j < ctx.structure.companies; j++)
    yield {
      s: ctx.id('FIELD_CONSULTANT', ctx.structure.coverer[j]!),
      t: ctx.id('COMPANY', j),
      p: {
        level_of_influence: influence(rng, 0),
        coverage_type: rng.chance(0.75) ? 'Primary' : 'Secondary',
      },
    };
}

/** Senior consultants cover some of their network's companies themselves, with more sway. */
function* directCoverage(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('COVERS:CONSULTANT');
  for (let j = 0; j < ctx.structure.companies; j++) {
    if (ctx.structure.directCoverage[j] !== 1) continue;
    yield {
      s: ctx.id('CONSULTANT', ctx.structure.companyConsultant[j]!),
      t: ctx.id('COMPANY', j),
      p: {
        level_of_influence: influence(rng, 10),
        coverage_type: rng.chance(0.4) ? 'Primary' : 'Secondary',
      },
    };
  }
}

function* ownsProducts(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('OWNS:PRODUCT');
  const { productStart, companyScale } = ctx.structure;
  for (let j = 0; j < ctx.structure.companies; j++) {
    const consultant = ctx.id('CONSULTANT', ctx.structure.companyConsultant[j]!);
    // Mandates of larger companies are larger.
    const median = 60_000_000 * Math.sqrt(companyScale[j]!);
    for (let i = productStart[j]!; i < productStart[j + 1]!; i++)
      yield {
        s: ctx.id('COMPANY', j),
        t: ctx.id('PRODUCT', ctx.structure.ownedProducts[i]!),
        p: {
          mandate_status: mandateStatus(rng),
          value: amount(rng, median, 0.8),
          start_date: isoDay(pastDay(rng, 12)),
          consultant,
        },
      };
  }
}

function* ownsIncumbents(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('OWNS:INCUMBENT_PRODUCT');
  const { incumbentStart, companyScale } = ctx.structure;
  for (let j = 0; j < ctx.structure.companies; j++) {
    const consultant = ctx.id('CONSULTANT', ctx.structure.companyConsultant[j]!);
    const median = 90_000_000 * Math.sqrt(companyScale[j]!);
    for (let i = incumbentStart[j]!; i < incumbentStart[j + 1]!; i++) {
      const incumbent = ctx.structure.ownedIncumbents[i]!;
      yield {
        s: ctx.id('COMPANY', j),
        t: ctx.id('INCUMBENT_PRODUCT', incumbent),
        p: {
          mandate_status: mandateStatus(rng),
          commitment_market_value: amount(rng, median, 0.8),
          manager: ctx.incumbentManagers[incumbent]!,
          manager_since_date: isoDay(pastDay(rng, 20)),
          multi_mandate_manager: rng.chance(0.3),
          consultant,
        },
      };
    }
  }
}

function* rates(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('RATES');
  const { ratingConsultant, ratingProduct } = ctx.structure;
  for (let i = 0; i < ratingConsultant.length; i++)
    yield {
      s: ctx.id('CONSULTANT', ratingConsultant[i]!),
      t: ctx.id('PRODUCT', ratingProduct[i]!),
      p: {
        rating: rng.weighted([
          ['Positive', 35],
          ['Neutral', 30],
          ['Introduced', 20],
          ['Negative', 15],
        ] as const),
        rankvalue: rng.weighted([
          ['High', 30],
          ['Medium', 45],
          ['Low', 25],
        ] as const),
        rankorder: rng.int(1, 10),
        rating_change: rng.chance(0.2),
        date: isoDay(pastDay(rng, 5)),
      },
    };
}

function* recommends(ctx: RegionContext): Generator<RelRow> {
  const rng = ctx.stream('BI_RECOMMENDS');
  const { recommendationIncumbent, recommendationProduct } = ctx.structure;
  for (let i = 0; i < recommendationIncumbent.length; i++)
    yield {
      s: ctx.id('INCUMBENT_PRODUCT', recommendationIncumbent[i]!),
      t: ctx.id('PRODUCT', recommendationProduct[i]!),
      p: {
        opportunity_type: rng.pick(['Growth', 'Value', 'Income', 'Balanced'] as const),
        annualised_alpha: rng.float(-2, 5, 2),
        batting_average: rng.float(0.35, 0.75, 2),
        information_ratio: rng.float(-0.5, 1.5, 2),
        upside_capture: rng.float(80, 130, 1),
        downside_capture: rng.float(60, 115, 1),
        returns_3y: rng.float(-8, 22, 2),
        volatility: rng.float(3, 25, 2),
      },
    };
}

const s = (ctx: RegionContext) => ctx.structure;

/** In write order: every part's end nodes exist before it runs. */
export const REL_PARTS: readonly RelPart[] = [
  {
    type: 'EMPLOYS',
    from: 'CONSULTANT',
    to: 'FIELD_CONSULTANT',
    count: (c) => s(c).fieldConsultants,
    rows: employs,
  },
  {
    type: 'COVERS',
    from: 'FIELD_CONSULTANT',
    to: 'COMPANY',
    count: (c) => s(c).companies,
    rows: fieldCoverage,
  },
  {
    type: 'COVERS',
    from: 'CONSULTANT',
    to: 'COMPANY',
    count: (c) => s(c).directCoverage.reduce((a, b) => a + b, 0),
    rows: directCoverage,
  },
  {
    type: 'OWNS',
    from: 'COMPANY',
    to: 'PRODUCT',
    count: (c) => s(c).ownedProducts.length,
    rows: ownsProducts,
  },
  {
    type: 'OWNS',
    from: 'COMPANY',
    to: 'INCUMBENT_PRODUCT',
    count: (c) => s(c).ownedIncumbents.length,
    rows: ownsIncumbents,
  },
  {
    type: 'RATES',
    from: 'CONSULTANT',
    to: 'PRODUCT',
    count: (c) => s(c).ratingConsultant.length,
    rows: rates,
  },
  {
    type: 'BI_RECOMMENDS',
    from: 'INCUMBENT_PRODUCT',
    to: 'PRODUCT',
    count: (c) => s(c).recommendationIncumbent.length,
    rows: recommends,
  },
];
