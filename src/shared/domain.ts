/**
 * The canonical data model of the sales-coverage graph: labels, relationship types, their
 * properties and enumerations. Every other module takes its types from here.
 */
import { z } from 'zod';

export const DEFAULT_REGIONS = ['NAI', 'EMEA', 'APAC'] as const;
/** Region codes are configuration; this is their shape (upper-case code). */
export const RegionCode = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,15}$/, 'a region code such as NAI, EMEA or APAC');
export type RegionCode = z.infer<typeof RegionCode>;

export const NODE_LABELS = [
  'CONSULTANT',
  'FIELD_CONSULTANT',
  'COMPANY',
  'PRODUCT',
  'INCUMBENT_PRODUCT',
] as const;
export const NodeLabel = z.enum(NODE_LABELS);
export type NodeLabel = z.infer<typeof NodeLabel>;

export const RELATIONSHIP_TYPES = ['EMPLOYS', 'COVERS', 'OWNS', 'RATES', 'BI_RECOMMENDS'] as const;
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipType>;

export const SALES_REGIONS = [
  'East',
  'West',
  'Central',
  'International',
  'North',
  'South',
  'Europe',
  'Asia',
  'United States',
  'Australia',
  'Hong Kong',
] as const;
export const SalesRegion = z.enum(SALES_REGIONS);

/** Plausible sales regions per region code (regions not listed use the whole list). */
export const SALES_REGIONS_BY_REGION: Record<string, readonly (typeof SALES_REGIONS)[number][]> = {
  NAI: ['East', 'West', 'Central', 'North', 'South', 'United States'],
  EMEA: ['Europe', 'International', 'North', 'South'],
  APAC: ['Asia', 'Australia', 'Hong Kong', 'International'],
};

export const CHANNELS = [
  'Consultant Sales',
  'North Americas Institutional DC',
  'Asia Institutional',
  'Beta Strategies',
  'Direct',
  'Partner',
  'Digital',
  'Institutional',
] as const;
export const Channel = z.enum(CHANNELS);

export const ASSET_CLASSES = [
  'Equities',
  'Fixed Income',
  'Real Estate',
  'Commodities',
  'Alternatives',
  'Multi-Asset',
] as const;
export const AssetClass = z.enum(ASSET_CLASSES);

export const PRIVACY_LEVELS = ['Public', 'Private', 'Confidential'] as const;
export const Privacy = z.enum(PRIVACY_LEVELS);

export const MANDATE_STATUSES = ['Active', 'At Risk', 'Conversion in Progress'] as const;
export const MandateStatus = z.enum(MANDATE_STATUSES);

export const RATINGS = ['Positive', 'Negative', 'Introduced', 'Neutral'] as const;
export const Rating = z.enum(RATINGS);

const RANK_VALUES = ['High', 'Medium', 'Low'] as const;
const RankValue = z.enum(RANK_VALUES);

const COVERAGE_TYPES = ['Primary', 'Secondary'] as const;
const CoverageType = z.enum(COVERAGE_TYPES);

export const OPPORTUNITY_TYPES = ['Growth', 'Value', 'Income', 'Balanced'] as const;
export const OpportunityType = z.enum(OPPORTUNITY_TYPES);

export const JPM_FLAGS = ['Y', 'N'] as const;
export const JpmFlag = z.enum(JPM_FLAGS);

export const InfluenceLevel = z.number().int().min(1).max(4);

/** ISO calendar date, as stored in Neo4j `date` values and returned by the API. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const nodeBase = {
  id: z.string().min(1),
  name: z.string().min(1),
  region: RegionCode,
  /** Identifies the generation run that created the node (absent on hand-made data). */
  generation_id: z.string().optional(),
};

export const ConsultantProps = z.object({
  ...nodeBase,
  sales_region: SalesRegion,
  channel: Channel,
  pca: z.string(),
  consultant_advisor: z.string(),
  performance: z.number().int().min(0).max(100),
  influence: z.number().int().min(0).max(100),
  email: z.string(),
});

export const FieldConsultantProps = z.object({
  ...nodeBase,
  sales_region: SalesRegion,
  channel: Channel,
  consultant_id: z.string(),
  fc_total_plan_assets: z.number().nonnegative(),
});

export const CompanyProps = z.object({
  ...nodeBase,
  sales_region: SalesRegion,
  channel: Channel,
  pca: z.string(),
  aca: z.string(),
  privacy: Privacy,
  aum: z.number().nonnegative(),
});

export const ProductProps = z.object({
  ...nodeBase,
  asset_class: AssetClass,
  universe_name: z.string(),
  universe_score: z.number().min(1).max(5),
  jpm_flag: JpmFlag,
});

export const IncumbentProductProps = z.object({
  ...nodeBase,
  asset_class: AssetClass,
  manager: z.string(),
  evestment_product_guid: z.string(),
  jpm_flag: JpmFlag,
});

export const NODE_PROPS = {
  CONSULTANT: ConsultantProps,
  FIELD_CONSULTANT: FieldConsultantProps,
  COMPANY: CompanyProps,
  PRODUCT: ProductProps,
  INCUMBENT_PRODUCT: IncumbentProductProps,
} as const satisfies Record<NodeLabel, z.ZodType>;

export type ConsultantProps = z.infer<typeof ConsultantProps>;
export type FieldConsultantProps = z.infer<typeof FieldConsultantProps>;
export type CompanyProps = z.infer<typeof CompanyProps>;
export type ProductProps = z.infer<typeof ProductProps>;
export type IncumbentProductProps = z.infer<typeof IncumbentProductProps>;

export const EmploysProps = z.object({
  start_date: IsoDate,
  duration: z.number().int().nonnegative(),
});

export const CoversProps = z.object({
  level_of_influence: InfluenceLevel,
  coverage_type: CoverageType,
});

export const OwnsProductProps = z.object({
  mandate_status: MandateStatus,
  value: z.number().int().nonnegative(),
  start_date: IsoDate,
  consultant: z.string(),
});

export const OwnsIncumbentProps = z.object({
  mandate_status: MandateStatus,
  commitment_market_value: z.number().int().nonnegative(),
  manager: z.string(),
  manager_since_date: IsoDate,
  multi_mandate_manager: z.boolean(),
  consultant: z.string(),
});

export const RatesProps = z.object({
  rating: Rating,
  rankvalue: RankValue,
  rankorder: z.number().int().min(1).max(10),
  rating_change: z.boolean(),
  date: IsoDate,
});

export const BiRecommendsProps = z.object({
  opportunity_type: OpportunityType,
  annualised_alpha: z.number(),
  batting_average: z.number(),
  information_ratio: z.number(),
  upside_capture: z.number(),
  downside_capture: z.number(),
  returns_3y: z.number(),
  volatility: z.number(),
});

export type EmploysProps = z.infer<typeof EmploysProps>;
export type CoversProps = z.infer<typeof CoversProps>;
export type OwnsProductProps = z.infer<typeof OwnsProductProps>;
export type OwnsIncumbentProps = z.infer<typeof OwnsIncumbentProps>;
export type RatesProps = z.infer<typeof RatesProps>;
export type BiRecommendsProps = z.infer<typeof BiRecommendsProps>;

/** Every relationship the model allows: its type, its ends and the properties it carries. */
export const RELATIONSHIP_KINDS = [
  { type: 'EMPLOYS', from: 'CONSULTANT', to: 'FIELD_CONSULTANT', props: EmploysProps },
  { type: 'COVERS', from: 'FIELD_CONSULTANT', to: 'COMPANY', props: CoversProps },
  { type: 'COVERS', from: 'CONSULTANT', to: 'COMPANY', props: CoversProps },
  { type: 'OWNS', from: 'COMPANY', to: 'PRODUCT', props: OwnsProductProps },
  { type: 'OWNS', from: 'COMPANY', to: 'INCUMBENT_PRODUCT', props: OwnsIncumbentProps },
  { type: 'RATES', from: 'CONSULTANT', to: 'PRODUCT', props: RatesProps },
  { type: 'BI_RECOMMENDS', from: 'INCUMBENT_PRODUCT', to: 'PRODUCT', props: BiRecommendsProps },
] as const satisfies readonly {
  type: RelationshipType;
  from: NodeLabel;
  to: NodeLabel;
  props: z.ZodObject;
}[];
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** The two views of the network. */
export const GRAPH_MODES = ['standard', 'recommendations'] as const;
export const GraphMode = z.enum(GRAPH_MODES);
export type GraphMode = z.infer<typeof GraphMode>;
