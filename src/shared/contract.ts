/**
 * The client contract: every operation the renderer (and other clients) can call, declared once
 * with everything the edges need to know of it: input and output schemas, REST route, OpenAPI
 * tag and documented errors, cache role and transport flags. The Express routes, the IPC
 * handlers, the preload, both clients, the OpenAPI document and the read cache all derive from
 * this table; services implement it keyed by operation name (`Handlers` in main).
 */
import { z } from 'zod';
import {
  ClearInput,
  ClearResult,
  CoverageGaps,
  CoverageGapsInput,
  Distributions,
  DistributionsInput,
  FilterOptions,
  FilterRequest,
  GenerateRequest,
  GenerationJob,
  GraphEstimate,
  GraphEstimateRequest,
  GraphResponse,
  HealthResponse,
  HistogramsInput,
  HistogramsResponse,
  NeighboursInput,
  NeighboursResponse,
  NodeDetails,
  LinksRequest,
  LinksResponse,
  NodeRef,
  PathsRequest,
  PreviewRequest,
  PathsResponse,
  QueryRequest,
  QueryResponse,
  RegionGraphInput,
  SearchInput,
  SearchResponse,
  SchemaResponse,
  ServerSettings,
  StopQueryInput,
  StopQueryResult,
  StatsResponse,
} from './api';
import type { CompactChunk } from './compact-graph';
import { RegionCode } from './domain';
import { ImportJob, ImportResult, ImportUpload } from './import';
import { AuditExport, AuditExportInput, AuditListInput, AuditPage, WritePreview } from './audit';
import {
  BulkUpdateInput,
  CreateNodeInput,
  CreateRelationshipInput,
  DeleteNodeInput,
  DeleteRelationshipInput,
  EditResult,
  RelationshipDetails,
  RelationshipRef,
  UndoInput,
  UndoStatus,
  UpdateNodeInput,
  UpdateRelationshipInput,
} from './edit';
import type { ErrorCode } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Methods whose input travels as a JSON body (the others carry it in the query string). */
export const hasJsonBody = (method: HttpMethod): boolean => method === 'POST' || method === 'PATCH';

export type OperationTag =
  'Utilities' | 'Graph' | 'Filters' | 'Exploration' | 'Edit' | 'Generation' | 'Import' | 'Audit';

/**
 * What an operation does to the read cache: `read` results are cached; `invalidates` drops the
 * cache (also when it fails: it may have written part); `invalidates-when-writing` does so only
 * for a request that may write (runQuery with read_only false).
 */
type CacheRole = 'read' | 'invalidates' | 'invalidates-when-writing';

/**
 * How an operation takes part in read-your-writes across instances: `waits` reads wait for the
 * bookmark the request carries (header or `bookmark` query parameter); `returns` writes wait for
 * it too and answer with the bookmark of what they wrote (header and the output's `bookmark`).
 */
type BookmarkRole = 'waits' | 'returns';

type Operation<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  /** REST route; `:name` segments are taken from the input. GET/DELETE inputs travel in the query. */
  http: { method: HttpMethod; path: string };
  summary: string;
  tag: OperationTag;
  /** Error codes this operation documents beyond the ones every operation may answer with. */
  errors: readonly ErrorCode[];
  cache?: CacheRole;
  bookmark?: BookmarkRole;
  /** `?async=true` answers 202 with the running resource at once (the HTTP client always asks). */
  async?: boolean;
  /**
   * A multipart/form-data upload: the input's `files` arrive as `file` parts (stored by the
   * server as temporary files), its other fields as form fields. Not a client or IPC call: the
   * web UI uploads, the desktop app picks files with a native dialog.
   */
  upload?: boolean;
  /** Answers 202 Accepted at once with the running job, at its URL (the Location header). */
  accepted?: boolean;
  /**
   * A write, guarded by the connection's protection level: `always`, or `when-writing` for a
   * request that may write (runQuery with read_only false). Dry runs of an import do not write.
   */
  write?: 'always' | 'when-writing';
};

type OperationSpec<I extends z.ZodType, O extends z.ZodType> = Omit<
  Operation<I, O>,
  'http' | 'errors'
> & {
  method: HttpMethod;
  path: string;
  errors?: readonly ErrorCode[];
};

const op = <I extends z.ZodType, O extends z.ZodType>({
  method,
  path,
  errors = [],
  ...rest
}: OperationSpec<I, O>): Operation<I, O> => ({ ...rest, http: { method, path }, errors });

const Empty = z.object({});
const JobRef = z.object({ id: z.string().min(1).max(100) });

const FilterOptionsInput = z.object({ region: RegionCode.optional() });
const CascadingOptionsInput = FilterRequest;

export const contract = {
  health: op({
    input: Empty,
    output: HealthResponse,
    method: 'GET',
    path: '/health',
    summary: 'API and database status',
    tag: 'Utilities',
  }),
  getSettings: op({
    input: Empty,
    output: ServerSettings,
    method: 'GET',
    path: '/api/v1/settings',
    summary: "The server's configuration as clients need it (regions, bounds, caps; no secrets)",
    tag: 'Utilities',
  }),
  getRegionGraph: op({
    input: RegionGraphInput,
    output: GraphResponse,
    method: 'GET',
    path: '/api/v1/graph/region/:region',
    summary: "A region's network, capped at DEFAULT_REGION_SIZE nodes",
    tag: 'Graph',
    errors: ['NOT_FOUND'],
    cache: 'read',
    bookmark: 'waits',
  }),
  filterGraph: op({
    input: FilterRequest,
    output: GraphResponse,
    method: 'POST',
    path: '/api/v1/graph/filter',
    summary: 'Paths matching every filter',
    tag: 'Graph',
    errors: ['PAYLOAD_TOO_LARGE'],
    bookmark: 'waits',
  }),
  estimateGraph: op({
    input: GraphEstimateRequest,
    output: GraphEstimate,
    method: 'POST',
    path: '/api/v1/graph/estimate',
    summary: 'Nodes and relationships a region or filter view would return, uncapped',
    tag: 'Graph',
    errors: ['NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
    bookmark: 'waits',
  }),
  getStats: op({
    input: Empty,
    output: StatsResponse,
    method: 'GET',
    path: '/api/v1/graph/stats',
    summary: 'Database statistics',
    tag: 'Graph',
    cache: 'read',
    bookmark: 'waits',
  }),
  getCoverageGaps: op({
    input: CoverageGapsInput,
    output: CoverageGaps,
    method: 'GET',
    path: '/api/v1/graph/coverage-gaps',
    summary:
      'Companies with at-risk mandates and no level-4 coverage; Positive-rated products no company of their region owns',
    tag: 'Graph',
    cache: 'read',
    bookmark: 'waits',
  }),
  getDistributions: op({
    input: DistributionsInput,
    output: Distributions,
    method: 'GET',
    path: '/api/v1/graph/distributions',
    summary:
      'Mandate count and value by status and region, ratings by asset class, coverage per consultant, top consultants and companies',
    tag: 'Graph',
    cache: 'read',
    bookmark: 'waits',
  }),
  getSchema: op({
    input: Empty,
    output: SchemaResponse,
    method: 'GET',
    path: '/api/v1/schema',
    summary:
      'Labels, relationship types and property keys with their counts, indexes and constraints',
    tag: 'Graph',
    cache: 'read',
    bookmark: 'waits',
  }),
  getFilterOptions: op({
    input: FilterOptionsInput,
    output: FilterOptions,
    method: 'GET',
    path: '/api/v1/filters/options',
    summary: 'Every value each filter field can take',
    tag: 'Filters',
    cache: 'read',
    bookmark: 'waits',
  }),
  getRegionFilterOptions: op({
    input: z.object({ region: RegionCode }),
    output: FilterOptions,
    method: 'GET',
    path: '/api/v1/filters/options/:region',
    summary: 'Filter values within one region',
    tag: 'Filters',
    errors: ['NOT_FOUND'],
    cache: 'read',
    bookmark: 'waits',
  }),
  getCascadingFilterOptions: op({
    input: CascadingOptionsInput,
    output: FilterOptions,
    method: 'POST',
    path: '/api/v1/filters/options',
    summary: 'Filter values narrowed by the current filter',
    tag: 'Filters',
    errors: ['PAYLOAD_TOO_LARGE'],
    bookmark: 'waits',
  }),
  getHistograms: op({
    input: HistogramsInput,
    output: HistogramsResponse,
    method: 'GET',
    path: '/api/v1/filters/histograms',
    summary: 'Histograms of the numeric and date properties that range filters use',
    tag: 'Filters',
    cache: 'read',
    bookmark: 'waits',
  }),
  runQuery: op({
    input: QueryRequest,
    output: QueryResponse,
    method: 'POST',
    path: '/api/v1/graph/query',
    summary: 'Run Cypher (read-only by default)',
    tag: 'Utilities',
    // CANCELLED: stopped with stopQuery while it ran; CONFLICT: its run_id is already running.
    errors: [
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
      'CONFLICT',
      'UNPROCESSABLE',
      'QUERY_TIMEOUT',
      'CANCELLED',
      'PAYLOAD_TOO_LARGE',
    ],
    cache: 'invalidates-when-writing',
    write: 'when-writing',
    bookmark: 'returns',
  }),
  stopQuery: op({
    input: StopQueryInput,
    output: StopQueryResult,
    method: 'DELETE',
    path: '/api/v1/graph/query/:run_id',
    summary: 'Stop a running query (its transaction ends; a write is rolled back)',
    tag: 'Utilities',
  }),
  getNode: op({
    input: NodeRef,
    output: NodeDetails,
    method: 'GET',
    path: '/api/v1/nodes/:label/:id',
    summary: 'One node and its degree',
    tag: 'Exploration',
    errors: ['NOT_FOUND'],
    bookmark: 'waits',
  }),
  getNeighbours: op({
    input: NeighboursInput,
    output: NeighboursResponse,
    method: 'GET',
    path: '/api/v1/nodes/:label/:id/neighbours',
    summary: 'Neighbours of a node, paged above the supernode threshold',
    tag: 'Exploration',
    errors: ['NOT_FOUND'],
    bookmark: 'waits',
  }),
  search: op({
    input: SearchInput,
    output: SearchResponse,
    method: 'GET',
    path: '/api/v1/search',
    summary: 'Find nodes by name',
    tag: 'Exploration',
    bookmark: 'waits',
  }),
  getNodeLinks: op({
    input: LinksRequest,
    output: LinksResponse,
    method: 'POST',
    path: '/api/v1/nodes/links',
    summary: 'A node and its relationships to the given nodes (those already drawn)',
    tag: 'Exploration',
    errors: ['NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
    bookmark: 'waits',
  }),
  findPaths: op({
    input: PathsRequest,
    output: PathsResponse,
    method: 'POST',
    path: '/api/v1/graph/paths',
    summary: 'Shortest paths between two nodes (maximum length, relationship types)',
    tag: 'Exploration',
    errors: ['NOT_FOUND', 'PAYLOAD_TOO_LARGE'],
    bookmark: 'waits',
  }),
  getRelationship: op({
    input: RelationshipRef,
    output: RelationshipDetails,
    method: 'GET',
    path: '/api/v1/relationships/:key',
    summary: 'One relationship, its ends and its edit version',
    tag: 'Exploration',
    errors: ['NOT_FOUND'],
    bookmark: 'waits',
  }),
  createNode: op({
    input: CreateNodeInput,
    output: EditResult,
    method: 'POST',
    path: '/api/v1/nodes',
    summary: 'Create a node (preview: true shows the statement and writes nothing)',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  updateNode: op({
    input: UpdateNodeInput,
    output: EditResult,
    method: 'PATCH',
    path: '/api/v1/nodes/:label/:id',
    summary:
      'Change properties of a node at the version it was read (409 CONFLICT with the current values when stale)',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  deleteNode: op({
    input: DeleteNodeInput,
    output: EditResult,
    method: 'DELETE',
    path: '/api/v1/nodes/:label/:id',
    summary:
      'Delete a node and its relationships (DETACH DELETE) at the version it was read; counts what went',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  createRelationship: op({
    input: CreateRelationshipInput,
    output: EditResult,
    method: 'POST',
    path: '/api/v1/relationships',
    summary: 'Create a relationship between two existing nodes',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  updateRelationship: op({
    input: UpdateRelationshipInput,
    output: EditResult,
    method: 'PATCH',
    path: '/api/v1/relationships/:key',
    summary: 'Change properties of a relationship at the version it was read',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  deleteRelationship: op({
    input: DeleteRelationshipInput,
    output: EditResult,
    method: 'DELETE',
    path: '/api/v1/relationships/:key',
    summary: 'Delete a relationship at the version it was read',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  bulkUpdateRelationships: op({
    input: BulkUpdateInput,
    output: EditResult,
    method: 'POST',
    path: '/api/v1/relationships/bulk-update',
    summary:
      'Set properties on a selection of relationships of one type: all at their versions, or none',
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  undoLastEdit: op({
    input: UndoInput,
    output: EditResult,
    method: 'POST',
    path: '/api/v1/edits/undo',
    summary: "Undo this client's last edit (CONFLICT when the data changed since)",
    tag: 'Edit',
    errors: [
      'VALIDATION_ERROR',
      'NOT_FOUND',
      'CONFLICT',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  getUndoStatus: op({
    input: Empty,
    output: UndoStatus,
    method: 'GET',
    path: '/api/v1/edits/undo',
    summary: 'Whether this client has an edit to undo, and which',
    tag: 'Edit',
  }),
  startGeneration: op({
    input: GenerateRequest,
    output: GenerationJob,
    method: 'POST',
    path: '/api/v1/graph/generate',
    summary: 'Generate sample data',
    tag: 'Generation',
    // CANCELLED: the run a request waited for was cancelled.
    errors: [
      'BOUND_EXCEEDED',
      'CONFLICT',
      'CANCELLED',
      'PAYLOAD_TOO_LARGE',
      'WRITE_NOT_ALLOWED',
      'CONFIRMATION_REQUIRED',
    ],
    cache: 'invalidates',
    write: 'always',
    async: true,
    bookmark: 'returns',
  }),
  getGenerationJob: op({
    input: JobRef,
    output: GenerationJob,
    method: 'GET',
    path: '/api/v1/graph/generate/jobs/:id',
    summary: 'A generation job',
    tag: 'Generation',
    errors: ['NOT_FOUND'],
  }),
  cancelGeneration: op({
    input: JobRef,
    output: GenerationJob,
    method: 'DELETE',
    path: '/api/v1/graph/generate/jobs/:id',
    summary: 'Cancel a generation job',
    tag: 'Generation',
    errors: ['NOT_FOUND', 'CONFLICT'],
    cache: 'invalidates',
    bookmark: 'returns',
  }),
  clearGraph: op({
    input: ClearInput,
    output: ClearResult,
    method: 'DELETE',
    path: '/api/v1/graph/clear',
    summary: 'Delete data (needs confirm=true)',
    tag: 'Graph',
    errors: ['WRITE_NOT_ALLOWED'],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
  }),
  importFiles: op({
    input: ImportUpload,
    output: ImportResult,
    method: 'POST',
    path: '/api/v1/import',
    summary: 'Import CSV or XLSX files (multipart upload; all rows or none)',
    tag: 'Import',
    errors: ['UNPROCESSABLE', 'PAYLOAD_TOO_LARGE', 'WRITE_NOT_ALLOWED', 'CONFIRMATION_REQUIRED'],
    cache: 'invalidates',
    write: 'always',
    bookmark: 'returns',
    upload: true,
  }),
  startImport: op({
    input: ImportUpload,
    output: ImportJob,
    method: 'POST',
    path: '/api/v1/import/jobs',
    summary:
      'Start an import in the background (multipart upload as for /api/v1/import): 202 with the job',
    tag: 'Import',
    errors: ['UNPROCESSABLE', 'PAYLOAD_TOO_LARGE', 'WRITE_NOT_ALLOWED', 'CONFIRMATION_REQUIRED'],
    cache: 'invalidates',
    write: 'always',
    upload: true,
    accepted: true,
  }),
  getImportJob: op({
    input: JobRef,
    output: ImportJob,
    method: 'GET',
    path: '/api/v1/import/jobs/:id',
    summary: 'An import job: rows read of the total, phase, then its report or error',
    tag: 'Import',
    errors: ['NOT_FOUND'],
    bookmark: 'returns',
  }),
  cancelImport: op({
    input: JobRef,
    output: ImportJob,
    method: 'DELETE',
    path: '/api/v1/import/jobs/:id',
    summary: 'Cancel an import job: its transaction is rolled back, nothing is written',
    tag: 'Import',
    errors: ['NOT_FOUND'],
    bookmark: 'returns',
  }),
  previewWrite: op({
    input: PreviewRequest,
    output: WritePreview,
    method: 'POST',
    path: '/api/v1/preview',
    summary:
      'The parameterised Cypher a write (generate, clear, write query) would run, without ' +
      'running it; parameter values are summarised, never echoed',
    tag: 'Audit',
    // A generation over the configured bounds is refused as its run would be.
    errors: ['BOUND_EXCEEDED'],
  }),
  listAudit: op({
    input: AuditListInput,
    output: AuditPage,
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'Audit log: one page of entries, newest first, by action and time range',
    tag: 'Audit',
    bookmark: 'waits',
  }),
  exportAudit: op({
    input: AuditExportInput,
    output: AuditExport,
    method: 'GET',
    path: '/api/v1/audit/export',
    summary: 'Audit log as a CSV file (same filters as the list, newest first)',
    tag: 'Audit',
    bookmark: 'waits',
  }),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.infer<Contract[N]['output']>;

/** Per call: a signal that cancels the call (it then rejects with CANCELLED). */
export type CallOptions = { signal?: AbortSignal };

/** Operations a client calls: uploads travel as forms, outside the typed client and IPC. */
export type ClientOperationName = Exclude<OperationName, 'importFiles' | 'startImport'>;

/**
 * Graphs the network view draws: besides the full JSON response (the default), their routes
 * answer in the compact view format (shared/compact-graph) with `?format=compact`, or stream it
 * as NDJSON with `?format=ndjson`; clients load them with `viewGraph`.
 */
export const VIEW_OPERATION_NAMES = [
  'getRegionGraph',
  'filterGraph',
] as const satisfies readonly OperationName[];
export type ViewOperationName = (typeof VIEW_OPERATION_NAMES)[number];

/** A view load: the operation and its input (as for calling the operation itself). */
export type ViewRequest = {
  [N in ViewOperationName]: { operation: N; input: OperationInput<N> };
}[ViewOperationName];

export type ViewOptions = CallOptions & {
  /**
   * Called with each chunk as it arrives (nodes first, then relationships), before the call
   * resolves with the whole graph; chunks carry the header (totals, limit, mode).
   */
  onChunk?: (chunk: CompactChunk) => void;
};

/** The typed client every UI and tool uses: one async function per operation. */
export type Client = {
  [N in ClientOperationName]: (
    input: OperationInput<N>,
    options?: CallOptions,
  ) => Promise<OperationOutput<N>>;
} & {
  /** Live generation progress; returns an unsubscribe function. */
  onGenerationProgress: (jobId: string, listener: (job: GenerationJob) => void) => () => void;
  /**
   * A view operation's graph in the compact view format, streamed: only what drawing needs
   * (shared/compact-graph), each chunk handed to `onChunk` as it arrives.
   */
  viewGraph: (request: ViewRequest, options?: ViewOptions) => Promise<GraphResponse>;
};

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];
export const CLIENT_OPERATION_NAMES = OPERATION_NAMES.filter(
  (name): name is ClientOperationName => !('upload' in contract[name]),
);
/** Whether an operation is one of the view's (see VIEW_OPERATION_NAMES). */
export const isViewOperation = (name: OperationName): name is ViewOperationName =>
  (VIEW_OPERATION_NAMES as readonly OperationName[]).includes(name);

/**
 * Server-sent event streams: a GET route whose answer is a `text/event-stream` of `event`
 * messages, each carrying one `output` as JSON. Clients subscribe to them (`onGenerationProgress`)
 * rather than call them.
 */
export const streams = {
  generationEvents: {
    input: JobRef,
    output: GenerationJob,
    event: 'job',
    path: '/api/v1/graph/generate/jobs/:id/events',
    summary: 'Server-sent events: a `job` event with the job on every progress update',
    tag: 'Generation',
    errors: ['NOT_FOUND'],
  },
} as const satisfies Record<
  string,
  {
    input: z.ZodType;
    output: z.ZodType;
    event: string;
    path: string;
    summary: string;
    tag: OperationTag;
    errors: readonly ErrorCode[];
  }
>;
