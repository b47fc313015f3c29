/**
 * The client contract: every operation the renderer (and other clients) can call, declared once
 * with its input and output schemas and its REST route. The IPC bridge, the preload, the HTTP
 * client and the Express routers are all derived from this table.
 */
import { z } from 'zod';
import {
  ClearInput,
  ClearResult,
  FilterOptions,
  FilterRequest,
  GenerateRequest,
  GenerationJob,
  GraphResponse,
  HealthResponse,
  NeighboursInput,
  NeighboursResponse,
  NodeDetails,
  NodeRef,
  QueryRequest,
  QueryResponse,
  RegionGraphInput,
  SearchInput,
  SearchResponse,
  ServerSettings,
  StatsResponse,
} from './api';
import { RegionCode } from './domain';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

type Operation<I extends z.ZodType, O extends z.ZodType> = {
  input: I;
  output: O;
  /** REST route; `:name` segments are taken from the input. GET/DELETE inputs travel in the query. */
  http: { method: HttpMethod; path: string };
  summary: string;
};

const op = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  method: HttpMethod,
  path: string,
  summary: string,
): Operation<I, O> => ({ input, output, http: { method, path }, summary });

const Empty = z.object({});
const JobRef = z.object({ id: z.string().min(1).max(100) });

export const FilterOptionsInput = z.object({ region: RegionCode.optional() });
export const CascadingOptionsInput = FilterRequest;

export const contract = {
  health: op(Empty, HealthResponse, 'GET', '/health', 'API and database status'),
  getSettings: op(
    Empty,
    ServerSettings,
    'GET',
    '/api/v1/settings',
    "The server's configuration as clients need it (regions, bounds, caps; no secrets)",
  ),
  getRegionGraph: op(
    RegionGraphInput,
    GraphResponse,
    'GET',
    '/api/v1/graph/region/:region',
    "A region's network, capped at DEFAULT_REGION_SIZE nodes",
  ),
  filterGraph: op(
    FilterRequest,
    GraphResponse,
    'POST',
    '/api/v1/graph/filter',
    'Paths matching every filter',
  ),
  getStats: op(Empty, StatsResponse, 'GET', '/api/v1/graph/stats', 'Database statistics'),
  getFilterOptions: op(
    FilterOptionsInput,
    FilterOptions,
    'GET',
    '/api/v1/filters/options',
    'Every value each filter field can take',
  ),
  getRegionFilterOptions: op(
    z.object({ region: RegionCode }),
    FilterOptions,
    'GET',
    '/api/v1/filters/options/:region',
    'Filter values within one region',
  ),
  getCascadingFilterOptions: op(
    CascadingOptionsInput,
    FilterOptions,
    'POST',
    '/api/v1/filters/options',
    'Filter values narrowed by the current filter',
  ),
  runQuery: op(
    QueryRequest,
    QueryResponse,
    'POST',
    '/api/v1/graph/query',
    'Run Cypher (read-only by default)',
  ),
  getNode: op(NodeRef, NodeDetails, 'GET', '/api/v1/nodes/:label/:id', 'One node and its degree'),
  getNeighbours: op(
    NeighboursInput,
    NeighboursResponse,
    'GET',
    '/api/v1/nodes/:label/:id/neighbours',
    'Neighbours of a node, paged above the supernode threshold',
  ),
  search: op(SearchInput, SearchResponse, 'GET', '/api/v1/search', 'Find nodes by name'),
  startGeneration: op(
    GenerateRequest,
    GenerationJob,
    'POST',
    '/api/v1/graph/generate',
    'Generate sample data',
  ),
  getGenerationJob: op(
    JobRef,
    GenerationJob,
    'GET',
    '/api/v1/graph/generate/jobs/:id',
    'A generation job',
  ),
  cancelGeneration: op(
    JobRef,
    GenerationJob,
    'DELETE',
    '/api/v1/graph/generate/jobs/:id',
    'Cancel a generation job',
  ),
  clearGraph: op(
    ClearInput,
    ClearResult,
    'DELETE',
    '/api/v1/graph/clear',
    'Delete data (needs confirm=true)',
  ),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = z.infer<Contract[N]['output']>;

/** The typed client every UI and tool uses: one async function per operation. */
export type Client = {
  [N in OperationName]: (input: OperationInput<N>) => Promise<OperationOutput<N>>;
} & {
  /** Live generation progress; returns an unsubscribe function. */
  onGenerationProgress: (jobId: string, listener: (job: GenerationJob) => void) => () => void;
};

export const OPERATION_NAMES = Object.keys(contract) as OperationName[];
