/**
 * The `Handlers` map: each operation of the shared contract bound to the service that does it.
 * REST routes and IPC handlers both call these with already-parsed input. Services are typed
 * here by what the map needs of them, so any implementation with those methods fits.
 */
import type {
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
} from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { Handlers } from './types';

export type HandlerServices = {
  health: { health: () => Promise<HealthResponse> };
  settings: { settings: () => Promise<ServerSettings> };
  graph: {
    region: (input: RegionGraphInput) => Promise<GraphResponse>;
    filter: (input: FilterRequest) => Promise<GraphResponse>;
    node: (input: NodeRef) => Promise<NodeDetails>;
    neighbours: (input: NeighboursInput) => Promise<NeighboursResponse>;
    search: (input: SearchInput) => Promise<SearchResponse>;
  };
  options: {
    options: (input: { region?: string }) => Promise<FilterOptions>;
    cascading: (input: FilterRequest) => Promise<FilterOptions>;
  };
  query: { run: (input: QueryRequest) => Promise<QueryResponse> };
  stats: { stats: () => Promise<StatsResponse> };
  clear: { clear: (input: ClearInput) => Promise<ClearResult> };
  generation: {
    start: (request: GenerateRequest) => GenerationJob | Promise<GenerationJob>;
    get: (id: string) => GenerationJob | undefined;
    cancel: (id: string) => GenerationJob | undefined | Promise<GenerationJob | undefined>;
  };
};

function found(job: GenerationJob | undefined, id: string): GenerationJob {
  if (!job)
    throw new AppError('NOT_FOUND', `No generation job ${id}`, [
      { field: 'id', message: 'no such job' },
    ]);
  return job;
}

export function createHandlers(services: HandlerServices): Handlers {
  const { graph, options, generation } = services;
  return {
    health: () => services.health.health(),
    getSettings: () => services.settings.settings(),
    getRegionGraph: (input) => graph.region(input),
    filterGraph: (input) => graph.filter(input),
    getStats: () => services.stats.stats(),
    getFilterOptions: (input) => options.options(input),
    getRegionFilterOptions: (input) => options.options(input),
    getCascadingFilterOptions: (input) => options.cascading(input),
    runQuery: (input) => services.query.run(input),
    getNode: (input) => graph.node(input),
    getNeighbours: (input) => graph.neighbours(input),
    search: (input) => graph.search(input),
    startGeneration: async (input) => generation.start(input),
    getGenerationJob: (input) => Promise.resolve(found(generation.get(input.id), input.id)),
    cancelGeneration: async (input) => found(await generation.cancel(input.id), input.id),
    clearGraph: (input) => services.clear.clear(input),
  };
}
