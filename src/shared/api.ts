/**
 * Request and response schemas shared by the REST API, the IPC bridge, the renderer's clients
 * and the CLI. Field names follow the seed README (snake_case on the wire).
 */
import { z } from 'zod';
import {
  AssetClass,
  Channel,
  GraphMode,
  InfluenceLevel,
  JpmFlag,
  MandateStatus,
  NodeLabel,
  OpportunityType,
  Privacy,
  Rating,
  RegionCode,
  RelationshipType,
  SalesRegion,
} from './domain';

/** Values that cross the wire: Neo4j integers, dates and points are converted to these. */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export const JsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(JsonValue),
    z.record(z.string(), JsonValue),
  ]),
);
export const Properties = z.record(z.string(), JsonValue);

// ---------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------

/**
 * An optional field that also takes an explicit null as "not given", as clients written for the
 * original FastAPI service send it (Pydantic's `Optional`). Null becomes undefined, so handlers
 * see one shape; the OpenAPI document shows the field as nullable.
 */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .nullable()
    .transform((value) => value ?? undefined)
    .optional();

/** A field with a default that an absent field and an explicit null both take. */
export const withDefault = <T extends z.ZodType>(schema: T, value: z.output<T>) =>
  schema
    .nullable()
    .optional()
    .transform((given): z.output<T> => given ?? value)
    .meta({ default: value });

/**
 * How a connection guards its data: `read-only` runs every operation in a READ session (writes
 * are refused with WRITE_NOT_ALLOWED), `confirm` runs a write only when its request says
 * `confirm: true` (else CONFIRMATION_REQUIRED), `free` runs writes as asked.
 */
export const PROTECTION_LEVELS = ['read-only', 'confirm', 'free'] as const;
export const ProtectionLevel = z.enum(PROTECTION_LEVELS);
export type ProtectionLevel = z.infer<typeof ProtectionLevel>;

/** The flag a write sends under the `confirm` protection level. */
export const confirmFlag = optional(z.boolean()).describe(
  'Under the `confirm` protection level a write runs only with confirm: true',
);

/**
 * A list that names at least one value. An empty list selects nothing, so it is refused by name
 * rather than read as "no restriction" (or, for clearing, as "everything").
 */
export const nonEmptyList = <T extends z.ZodType>(
  item: T,
  message = 'name at least one value, or leave the field out',
) => z.array(item).min(1, message);

// ---------------------------------------------------------------------------------------------
// Graph
// ---------------------------------------------------------------------------------------------

/** A node's key in a graph is `LABEL:id` (ids are unique per label). */
/**
 * A Neo4j bookmark token: the database state a write committed, as the API hands it back (a
 * `Neo4j-Bookmark` response header and a `bookmark` body field). A read that carries it (the same
 * header, or a `bookmark` query parameter) waits until the instance's database has that state.
 * Opaque to clients: one or more bookmarks, comma-separated.
 */
export const BookmarkToken = z
  .string()
  .max(4096)
  // Neo4j 5 bookmarks start with "FB:"; the database refuses other text with an error of its own
  // state rather than an invalid-bookmark one, so it is refused here first.
  .regex(
    /^FB:[\x21-\x2B\x2D-\x7E]+(,FB:[\x21-\x2B\x2D-\x7E]+)*$/,
    'expected a bookmark the API returned',
  );

export const nodeKey = (label: string, id: string): string => `${label}:${id}`;

export const GraphNode = z.object({
  key: z.string(),
  id: z.string(),
  label: NodeLabel,
  name: z.string(),
  region: z.string().nullable(),
  properties: Properties,
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphRelationship = z.object({
  /** Neo4j element id: stable while the relationship exists. */
  key: z.string(),
  type: RelationshipType,
  source: z.string(),
  target: z.string(),
  properties: Properties,
});
export type GraphRelationship = z.infer<typeof GraphRelationship>;

export const GraphData = z.object({
  nodes: z.array(GraphNode),
  relationships: z.array(GraphRelationship),
});
export type GraphData = z.infer<typeof GraphData>;

export const GraphTotals = z.object({
  /** Nodes matching before the cap. */
  nodes: z.number().int(),
  /** Relationships among the matching nodes before the cap. */
  relationships: z.number().int(),
});
export type GraphTotals = z.infer<typeof GraphTotals>;

/**
 * What a capped view counts for its `totals`: `exact` (the default) counts the whole view;
 * `none` counts nothing when the view is truncated (it reads one node past the cap to know), so
 * its cost follows the cap, not the database: `totals` is then null, and
 * POST /api/v1/graph/estimate counts the view on its own. A view within the cap has exact
 * totals either way (what it returned).
 */
export const ViewTotals = z.enum(['exact', 'none']).meta({
  default: 'exact',
  description:
    'exact (default): count the whole view for `totals`; none: a truncated view answers ' +
    '`totals: null` without counting (POST /api/v1/graph/estimate counts it), a view within ' +
    'the cap still has exact totals',
});
export type ViewTotals = z.infer<typeof ViewTotals>;

export const GraphResponse = GraphData.extend({
  totals: GraphTotals.nullable().meta({
    description:
      'The whole view before the cap; null only for a truncated view asked with `totals=none`',
  }),
  truncated: z.boolean(),
  limit: z.number().int(),
  mode: GraphMode,
});
export type GraphResponse = z.infer<typeof GraphResponse>;

export const Limit = z.coerce.number().int().min(1).max(1_000_000);

export const RegionGraphInput = z.object({
  region: RegionCode,
  limit: Limit.optional(),
  mode: GraphMode.default('standard'),
  totals: ViewTotals.optional(),
});
export type RegionGraphInput = z.infer<typeof RegionGraphInput>;

/**
 * The numeric and date properties that range and time filters work on, each with where it lives
 * and how its histogram is binned (log-scaled for heavy-tailed amounts).
 */
export const RANGE_PROPERTIES = {
  aum: { on: 'COMPANY', property: 'aum', kind: 'number', scale: 'log' },
  performance: { on: 'CONSULTANT', property: 'performance', kind: 'number', scale: 'linear' },
  influence: { on: 'CONSULTANT', property: 'influence', kind: 'number', scale: 'linear' },
  fc_total_plan_assets: {
    on: 'FIELD_CONSULTANT',
    property: 'fc_total_plan_assets',
    kind: 'number',
    scale: 'log',
  },
  owns_value: { on: 'OWNS', property: 'value', kind: 'number', scale: 'log' },
  owns_start_date: { on: 'OWNS', property: 'start_date', kind: 'date', scale: 'linear' },
  rates_date: { on: 'RATES', property: 'date', kind: 'date', scale: 'linear' },
} as const;
export type RangeProperty = keyof typeof RANGE_PROPERTIES;
export const RANGE_PROPERTY_NAMES = Object.keys(RANGE_PROPERTIES) as RangeProperty[];

/** The inclusive bounds of each range property as filter fields: numbers, or ISO days for dates. */
export const RANGE_FILTERS = Object.fromEntries(
  RANGE_PROPERTY_NAMES.map((p) => [p, { min: `${p}_min`, max: `${p}_max` }]),
) as { [P in RangeProperty]: { min: `${P}_min`; max: `${P}_max` } };

const IsoDay = z.iso.date();

const ids = nonEmptyList(z.string().min(1).max(200)).max(10_000);

export const FilterRequest = z.strictObject({
  regions: optional(nonEmptyList(RegionCode)),
  node_types: optional(nonEmptyList(NodeLabel)),
  mandate_statuses: optional(nonEmptyList(MandateStatus)),
  ratings: optional(nonEmptyList(Rating)),
  sales_regions: optional(nonEmptyList(SalesRegion)),
  channels: optional(nonEmptyList(Channel)),
  asset_classes: optional(nonEmptyList(AssetClass)),
  influence_levels: optional(nonEmptyList(InfluenceLevel)),
  privacy_levels: optional(nonEmptyList(Privacy)),
  jpm_flags: optional(nonEmptyList(JpmFlag)),
  opportunity_types: optional(nonEmptyList(OpportunityType)),
  consultant_ids: optional(ids),
  field_consultant_ids: optional(ids),
  company_ids: optional(ids),
  product_ids: optional(ids),
  incumbent_product_ids: optional(ids),
  fc_total_plan_assets_min: optional(z.number().nonnegative()),
  fc_total_plan_assets_max: optional(z.number().nonnegative()),
  aum_min: optional(z.number().nonnegative()),
  aum_max: optional(z.number().nonnegative()),
  performance_min: optional(z.number()),
  performance_max: optional(z.number()),
  influence_min: optional(z.number()),
  influence_max: optional(z.number()),
  owns_value_min: optional(z.number().nonnegative()),
  owns_value_max: optional(z.number().nonnegative()),
  owns_start_date_min: optional(IsoDay),
  owns_start_date_max: optional(IsoDay),
  rates_date_min: optional(IsoDay),
  rates_date_max: optional(IsoDay),
  mode: withDefault(GraphMode, 'standard'),
  limit: optional(z.number().int().min(1).max(1_000_000)),
  totals: optional(ViewTotals),
});
export type FilterRequest = z.infer<typeof FilterRequest>;
export type FilterInput = z.input<typeof FilterRequest>;

/**
 * What a view would return, counted without drawing it: the region graph (`view: region`) or
 * the filter endpoint (`view: filter`), counted by the same Cypher as the view, uncapped. Within
 * the cap the view returns exactly this many nodes and relationships.
 */
export const GraphEstimateRequest = z.discriminatedUnion('view', [
  z.strictObject({
    view: z.literal('region'),
    region: RegionCode,
    mode: withDefault(GraphMode, 'standard'),
  }),
  z.strictObject({ view: z.literal('filter'), filter: FilterRequest }),
]);
export type GraphEstimateRequest = z.infer<typeof GraphEstimateRequest>;
export type GraphEstimateInput = z.input<typeof GraphEstimateRequest>;

export const GraphEstimate = z.object({
  nodes: z.number().int(),
  relationships: z.number().int(),
});
export type GraphEstimate = z.infer<typeof GraphEstimate>;

/** The filter fields that restrict the network's paths (node types select labels instead). */
export type PathFilterField = Exclude<
  keyof FilterRequest,
  'mode' | 'limit' | 'totals' | 'node_types'
>;

/**
 * Which path filters apply in each mode: the others name nothing in that mode's paths, so the
 * server refuses them and clients leave them out.
 */
export const MODE_FILTER_FIELDS = {
  standard: [
    'regions',
    'sales_regions',
    'channels',
    'privacy_levels',
    'asset_classes',
    'jpm_flags',
    'mandate_statuses',
    'influence_levels',
    'ratings',
    'consultant_ids',
    'field_consultant_ids',
    'company_ids',
    'product_ids',
    'fc_total_plan_assets_min',
    'fc_total_plan_assets_max',
    'aum_min',
    'aum_max',
    'performance_min',
    'performance_max',
    'influence_min',
    'influence_max',
    'owns_value_min',
    'owns_value_max',
    'owns_start_date_min',
    'owns_start_date_max',
    'rates_date_min',
    'rates_date_max',
  ],
  recommendations: [
    'regions',
    'sales_regions',
    'channels',
    'privacy_levels',
    'asset_classes',
    'jpm_flags',
    'mandate_statuses',
    'opportunity_types',
    'company_ids',
    'incumbent_product_ids',
    'product_ids',
    'aum_min',
    'aum_max',
  ],
} as const satisfies Record<GraphMode, readonly PathFilterField[]>;
export type ModeFilterField<M extends GraphMode> = (typeof MODE_FILTER_FIELDS)[M][number];

// ---------------------------------------------------------------------------------------------
// Exploration
// ---------------------------------------------------------------------------------------------

export const NodeRef = z.object({ label: NodeLabel, id: z.string().min(1).max(200) });
export type NodeRef = z.infer<typeof NodeRef>;

export const NodeDetails = z.object({
  node: GraphNode,
  degree: z.number().int(),
  /** Relationship counts by type and direction, e.g. {"OWNS:out": 3}. */
  degree_by_type: z.record(z.string(), z.number().int()),
  /** The node's edit version (0 when never edited), which an update or delete sends back. */
  version: z.number().int(),
});
export type NodeDetails = z.infer<typeof NodeDetails>;

export const NeighboursInput = NodeRef.extend({
  types: nonEmptyList(RelationshipType).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
  /** Far above any node's degree; a bound, so that clients know what is accepted. */
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
});
export type NeighboursInput = z.infer<typeof NeighboursInput>;

export const NeighboursResponse = GraphData.extend({
  node: GraphNode,
  /** Relationships of the node (of the requested types), counted before paging. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  has_more: z.boolean(),
});
export type NeighboursResponse = z.infer<typeof NeighboursResponse>;

/** Matches looked at per search: ranking and the count of matches cover at most these. */
export const SEARCH_CANDIDATES = 1_000;
/** Nodes in view a search may name. */
export const SEARCH_NEAR_MAX = 300;

export const SearchInput = z.object({
  q: z.string().regex(/\S/, 'must contain a character other than spaces').trim().min(1).max(200),
  labels: nonEmptyList(NodeLabel).optional(),
  regions: nonEmptyList(RegionCode).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(SEARCH_CANDIDATES).default(0),
  /** Keys (`LABEL:id`) of the nodes in view: ranked right after exact matches. */
  near: z.array(z.string().min(1).max(250)).max(SEARCH_NEAR_MAX).optional(),
  /** The region being explored: its nodes come next. */
  region: RegionCode.optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

/** Why a hit ranks where it does: exact id or name, in view, in the current region, the rest. */
export const SEARCH_RANKS = ['exact', 'in_view', 'region', 'other'] as const;

export const SearchResponse = z.object({
  results: z.array(z.object({ node: GraphNode, score: z.number(), rank: z.enum(SEARCH_RANKS) })),
  /** Matches found (at most SEARCH_CANDIDATES), before paging. */
  total: z.number().int(),
  offset: z.number().int(),
  has_more: z.boolean(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** Node keys a links request may name (as many as a view draws). */
export const LINKS_AMONG_MAX = 20_000;

export const LinksRequest = z.strictObject({
  node: NodeRef,
  /** Keys (`LABEL:id`) of the nodes drawn: the relationships to these are returned. */
  among: z.array(z.string().min(1).max(250)).max(LINKS_AMONG_MAX),
});
export type LinksRequest = z.infer<typeof LinksRequest>;

export const LinksResponse = GraphData.extend({ node: GraphNode });
export type LinksResponse = z.infer<typeof LinksResponse>;

/** The longest path `findPaths` looks for. */
export const MAX_PATH_LENGTH = 10;

export const PathsRequest = z
  .strictObject({
    from: NodeRef,
    to: NodeRef,
    /** Relationships per path at most. */
    max_length: withDefault(z.number().int().min(1).max(MAX_PATH_LENGTH), 6),
    /** Relationship types a path may use (any direction); all when left out. */
    types: nonEmptyList(RelationshipType).optional(),
    /** Shortest paths returned at most (all have the same, shortest, length). */
    limit: withDefault(z.number().int().min(1).max(100), 10),
  })
  .refine((r) => r.from.label !== r.to.label || r.from.id !== r.to.id, {
    path: ['to'],
    message: 'a path needs two different nodes',
  });
export type PathsRequest = z.infer<typeof PathsRequest>;

export const PathsResponse = GraphData.extend({
  /** Each path as its node keys (from → to) and relationship keys, in order. */
  paths: z.array(z.object({ nodes: z.array(z.string()), relationships: z.array(z.string()) })),
  /** Relationships in each shortest path; null when none is within max_length. */
  length: z.number().int().nullable(),
  /** True when there were more shortest paths than the limit. */
  truncated: z.boolean(),
});
export type PathsResponse = z.infer<typeof PathsResponse>;

// ---------------------------------------------------------------------------------------------
// Statistics and filter options
// ---------------------------------------------------------------------------------------------

export const GenerationSummary = z.object({
  generation_id: z.string(),
  finished_at: z.string(),
  regions: z.array(z.string()),
  nodes: z.number().int(),
  relationships: z.number().int(),
  seed: z.number().int().nullable(),
});
export type GenerationSummary = z.infer<typeof GenerationSummary>;

export const StatsResponse = z.object({
  total_nodes: z.number().int(),
  total_relationships: z.number().int(),
  nodes_by_label: z.record(z.string(), z.number().int()),
  relationships_by_type: z.record(z.string(), z.number().int()),
  regions: z.array(
    z.object({
      region: z.string(),
      nodes: z.number().int(),
      nodes_by_label: z.record(z.string(), z.number().int()),
    }),
  ),
  /** Store size in bytes when the database reports it. */
  database_size_bytes: z.number().nullable(),
  last_generation: GenerationSummary.nullable(),
});
export type StatsResponse = z.infer<typeof StatsResponse>;

const Count = z.number().int().nonnegative();
/** Labels or types and properties an index or constraint is on (none for a lookup index). */
const SchemaTarget = {
  name: z.string(),
  type: z.string(),
  entity_type: z.enum(['NODE', 'RELATIONSHIP']),
  labels_or_types: z.array(z.string()),
  properties: z.array(z.string()),
};

/**
 * What the database holds, read from the data and the catalogue: every label and relationship
 * type with its count, every property key with the number of nodes and relationships carrying it
 * and the Cypher value types it takes (e.g. `STRING NOT NULL`), and the indexes and constraints.
 * Generation records are metadata and are left out of the counts and property keys.
 */
export const SchemaResponse = z.object({
  labels: z.array(z.object({ label: z.string(), count: Count })),
  relationship_types: z.array(z.object({ type: z.string(), count: Count })),
  property_keys: z.array(
    z.object({
      key: z.string(),
      nodes: Count,
      relationships: Count,
      types: z.array(z.string()),
    }),
  ),
  indexes: z.array(
    z.object({ ...SchemaTarget, state: z.string(), owning_constraint: z.string().nullable() }),
  ),
  constraints: z.array(z.object(SchemaTarget)),
});
export type SchemaResponse = z.infer<typeof SchemaResponse>;

export const EntityOption = z.object({ id: z.string(), name: z.string() });
export const NumericRange = z.object({ min: z.number().nullable(), max: z.number().nullable() });

export const FilterOptions = z.object({
  regions: z.array(z.string()),
  node_types: z.array(NodeLabel),
  sales_regions: z.array(z.string()),
  channels: z.array(z.string()),
  asset_classes: z.array(z.string()),
  mandate_statuses: z.array(z.string()),
  ratings: z.array(z.string()),
  influence_levels: z.array(z.number().int()),
  privacy_levels: z.array(z.string()),
  jpm_flags: z.array(z.string()),
  opportunity_types: z.array(z.string()),
  consultants: z.array(EntityOption),
  field_consultants: z.array(EntityOption),
  companies: z.array(EntityOption),
  products: z.array(EntityOption),
  incumbent_products: z.array(EntityOption),
  fc_total_plan_assets: NumericRange,
  /** True when an entity list was cut at its cap. */
  truncated: z.boolean(),
});
export type FilterOptions = z.infer<typeof FilterOptions>;

export const HistogramsInput = z.object({
  regions: nonEmptyList(RegionCode).optional(),
  bins: z.coerce.number().int().min(1).max(100).default(20),
});

/** Bin edges are numbers, or ISO dates for date properties; `to` is exclusive but for the last. */
const Edge = z.union([z.number(), z.string()]);
export const Histogram = z.object({
  field: z.enum(RANGE_PROPERTY_NAMES as [RangeProperty, ...RangeProperty[]]),
  kind: z.enum(['number', 'date']),
  scale: z.enum(['linear', 'log']),
  min: Edge.nullable(),
  max: Edge.nullable(),
  /** Values counted (elements that have the property). */
  count: z.number().int(),
  bins: z.array(z.object({ from: Edge, to: Edge, count: z.number().int() })),
});
export type Histogram = z.infer<typeof Histogram>;

export const HistogramsResponse = z.object({ histograms: z.array(Histogram) });
export type HistogramsResponse = z.infer<typeof HistogramsResponse>;

export const CoverageGapsInput = z.object({
  regions: nonEmptyList(RegionCode).optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(50),
});

export const CoverageGaps = z.object({
  /** Companies with at-risk mandates and no level-4 coverage, by value at risk. */
  at_risk_without_level_4: z.array(
    z.object({ node: GraphNode, mandates: z.number().int(), value: z.number() }),
  ),
  /** Products rated Positive that no company of their region owns, by Positive ratings. */
  positive_unowned: z.array(z.object({ node: GraphNode, positive_ratings: z.number().int() })),
});
export type CoverageGaps = z.infer<typeof CoverageGaps>;

export const DistributionsInput = z.object({
  regions: nonEmptyList(RegionCode).optional(),
  /** Rows of each top-N table. */
  top: z.coerce.number().int().min(1).max(100).default(10),
});

/** Mandates (OWNS of products) of one group: how many and their summed value. */
const MandateGroup = { count: z.number().int(), value: z.number() };

/**
 * Aggregates of the data for the statistics dashboard (the AUM distribution is the `aum`
 * histogram of getHistograms). Coverage counts the companies a consultant covers directly or
 * through its field consultants.
 */
export const Distributions = z.object({
  mandates_by_status: z.array(z.object({ status: z.string(), ...MandateGroup })),
  mandates_by_region: z.array(z.object({ region: z.string(), ...MandateGroup })),
  ratings_by_asset_class: z.array(
    z.object({ asset_class: z.string(), rating: z.string(), count: z.number().int() }),
  ),
  /** Consultants by the number of companies they cover, ascending. */
  coverage_per_consultant: z.array(
    z.object({ companies: z.number().int(), consultants: z.number().int() }),
  ),
  top_consultants: z.array(z.object({ node: GraphNode, companies: z.number().int() })),
  top_companies: z.array(z.object({ node: GraphNode, aum: z.number() })),
});
export type Distributions = z.infer<typeof Distributions>;

// ---------------------------------------------------------------------------------------------
// Custom Cypher
// ---------------------------------------------------------------------------------------------

export const QueryRunId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'use 1 to 100 letters, digits, "_" or "-"');

/**
 * One operator of a query plan, in pre-order (the root first); `children` are positions in the
 * same list. `rows` and `db_hits` are counted by PROFILE and null for EXPLAIN.
 */
export const PlanOperator = z.object({
  operator: z.string(),
  details: z.string(),
  estimated_rows: z.number().nullable(),
  rows: z.number().int().nullable(),
  db_hits: z.number().int().nullable(),
  identifiers: z.array(z.string()),
  children: z.array(z.number().int()),
});
export type PlanOperator = z.infer<typeof PlanOperator>;

export const QueryRequest = z.strictObject({
  query: z.string().trim().min(1).max(100_000),
  parameters: withDefault(z.record(z.string(), JsonValue), {}),
  /** Writes need both the server's ALLOW_WRITE_QUERIES and read_only: false. */
  read_only: withDefault(z.boolean(), true),
  limit: optional(z.number().int().min(1).max(1_000_000)),
  timeout_ms: optional(z.number().int().min(100).max(3_600_000)),
  /** EXPLAIN plans the query without running it; PROFILE runs it and counts rows and db hits. */
  plan: optional(z.enum(['explain', 'profile'])),
  /** Names the run so that `stopQuery` can stop it while it runs. */
  run_id: optional(QueryRunId),
  confirm: confirmFlag,
});
export type QueryRequest = z.infer<typeof QueryRequest>;
export type QueryInput = z.input<typeof QueryRequest>;

export const QueryResponse = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), JsonValue)),
  /** Present when rows hold nodes, relationships or paths. */
  graph: GraphData.nullable(),
  summary: z.object({
    query_type: z.string(),
    row_count: z.number().int(),
    truncated: z.boolean(),
    elapsed_ms: z.number(),
    counters: z.record(z.string(), z.number()).optional(),
  }),
  /** The plan of an EXPLAIN or PROFILE (requested or written in the query); null otherwise. */
  plan: z.array(PlanOperator).nullable(),
  /** The bookmark of the query's writes; null for a query that ran read-only. */
  bookmark: BookmarkToken.nullable(),
});
export type QueryResponse = z.infer<typeof QueryResponse>;

export const StopQueryInput = z.object({ run_id: QueryRunId });
/** `stopped` is false when no query of that id was running (it had ended or never started). */
export const StopQueryResult = z.object({ run_id: z.string(), stopped: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Generation and clearing
// ---------------------------------------------------------------------------------------------

const probability = z.number().min(0).max(1);

export const GenerateRequest = z.strictObject({
  regions: optional(
    nonEmptyList(RegionCode, 'name at least one region, or leave regions out for all of them'),
  ),
  consultants_per_region: optional(z.number().int().min(1)),
  field_consultants_per_consultant: optional(z.number().int().min(1)),
  companies_per_field_consultant: optional(z.number().int().min(1)),
  products_per_company: optional(z.number().int().min(1)),
  incumbents_per_company: optional(z.number().int().min(0)),
  direct_coverage_probability: optional(probability),
  rating_probability: optional(probability),
  recommendation_probability: optional(probability),
  seed: optional(
    z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1),
  ),
  mode: withDefault(z.enum(['append', 'replace']), 'append'),
  batch_size: optional(z.number().int().min(1).max(100_000)),
  confirm: confirmFlag,
});
export type GenerateRequest = z.infer<typeof GenerateRequest>;
export type GenerateInput = z.input<typeof GenerateRequest>;

export const GenerationProgress = z.object({
  phase: z.enum(['prepare', 'nodes', 'relationships', 'rollback', 'done']),
  /** Label or relationship type being written. */
  item: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  /** Rows written per second in this phase. */
  rate: z.number(),
  elapsed_ms: z.number(),
});
export type GenerationProgress = z.infer<typeof GenerationProgress>;

export const GenerationResult = z.object({
  generation_id: z.string(),
  regions: z.array(z.string()),
  seed: z.number().int(),
  nodes_by_label: z.record(z.string(), z.number().int()),
  relationships_by_type: z.record(z.string(), z.number().int()),
  total_nodes: z.number().int(),
  total_relationships: z.number().int(),
  seconds: z.number(),
  replaced: z.object({ nodes: z.number().int(), relationships: z.number().int() }).nullable(),
});
export type GenerationResult = z.infer<typeof GenerationResult>;

export const JOB_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;
export const GenerationJob = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  request: GenerateRequest,
  progress: GenerationProgress.nullable(),
  result: GenerationResult.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** For failed and cancelled runs: true once their partial writes were removed. */
  rolled_back: z.boolean(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  /** The bookmark of the job's writes once it has finished (rollbacks included); else null. */
  bookmark: BookmarkToken.nullable(),
});
export type GenerationJob = z.infer<typeof GenerationJob>;

export const ClearInput = z.object({
  /** Must be true: clearing is never implicit. */
  confirm: z.literal(true, { error: 'set confirm=true to delete data' }),
  /** Absent: everything. Present: at least one region (an empty list never means "all"). */
  regions: nonEmptyList(
    RegionCode,
    'name at least one region, or leave regions out to delete all data',
  ).optional(),
});
export type ClearInput = z.infer<typeof ClearInput>;

export const ClearResult = z.object({
  deleted_nodes: z.number().int(),
  deleted_relationships: z.number().int(),
  regions: z.array(z.string()).nullable(),
  seconds: z.number(),
  /** The bookmark of the deletion. */
  bookmark: BookmarkToken.nullable(),
});
export type ClearResult = z.infer<typeof ClearResult>;

// ---------------------------------------------------------------------------------------------
// Health
// ---------------------------------------------------------------------------------------------

export const HealthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  version: z.string(),
  uptime_s: z.number(),
  database: z.object({
    reachable: z.boolean(),
    uri: z.string(),
    database: z.string(),
    managed: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable(),
    latency_ms: z.number().nullable(),
  }),
  counts: z.object({ nodes: z.number().int(), relationships: z.number().int() }).nullable(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

// ---------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------

/**
 * What a client needs to know of the server's configuration to offer only what will be
 * accepted: regions, generator bounds, result caps and whether writes are possible at all.
 * Connection details and secrets (passwords, tokens) are never part of it.
 */
export const ServerSettings = z.object({
  version: z.string(),
  /** How writes are guarded on this connection (see ProtectionLevel). */
  protection: ProtectionLevel,
  regions: z.array(RegionCode),
  max_consultants_per_region: z.number().int(),
  max_field_consultants_per_consultant: z.number().int(),
  max_companies_per_field: z.number().int(),
  max_products_per_company: z.number().int(),
  /** Node cap of region and filter results. */
  default_region_size: z.number().int(),
  /** Whether a query may write at all (it must still ask with `read_only: false`). */
  allow_write_queries: z.boolean(),
  query_timeout_ms: z.number().int(),
  query_row_cap: z.number().int(),
});
export type ServerSettings = z.infer<typeof ServerSettings>;

// ---------------------------------------------------------------------------------------------
// Write previews
// ---------------------------------------------------------------------------------------------

/**
 * A write to preview, with the input its operation takes: the answer lists the parameterised
 * statements it would run, and nothing is written. Imports preview with a dry run (their
 * statements depend on the files).
 */
export const PreviewRequest = z.discriminatedUnion('write', [
  z.strictObject({
    write: z.literal('generate'),
    /** The generation request (defaults apply). */
    generate: GenerateRequest.optional(),
  }),
  z.strictObject({
    write: z.literal('clear'),
    /** The regions (left out: everything). */
    regions: ClearInput.shape.regions,
  }),
  z.strictObject({
    write: z.literal('query'),
    /** The write query and its parameters (only their names are echoed). */
    query: QueryRequest.shape.query,
    parameters: z.record(z.string(), JsonValue).optional(),
  }),
]);
export type PreviewRequest = z.infer<typeof PreviewRequest>;
