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
    region: (input: { region: string }) => Promise<FilterOptions>;
    cascading: (input: FilterRequest) => Promise<FilterOptions>;
  };
  query: { run: (input: QueryRequest) => Promise<QueryResponse> };
  stats: { stats: () => Promise<StatsResponse> };
  clear: { clear: (input: ClearInput) => Promise<ClearResult> };
  generation: {
    start: (request: GenerateRequest) => GenerationJob | Promise<GenerationJob>;
    /** Both throw NOT_FOUND for an unknown job. */
    get: (id: string) => GenerationJob;
    cancel: (id: string) => GenerationJob | Promise<GenerationJob>;
  };
};

export function createHandlers(services: HandlerServices): Handlers {
  const { graph, options, generation } = services;
  return {
    health: () => services.health.health(),
    getSettings: () => services.settings.settings(),
    getRegionGraph: (input) => graph.region(input),
    filterGraph: (input) => graph.filter(input),
    getStats: () => services.stats.stats(),
    getFilterOptions: (input) => options.options(input),
    getRegionFilterOptions: (input) => options.region(input),
    getCascadingFilterOptions: (input) => options.cascading(input),
    runQuery: (input) => services.query.run(input),
    getNode: (input) => graph.node(input),
    getNeighbours: (input) => graph.neighbours(input),
    search: (input) => graph.search(input),
    startGeneration: async (input) => generation.start(input),
    // A rejected promise (not a synchronous throw) when the job is unknown.
    getGenerationJob: (input) => Promise.resolve(input.id).then((id) => generation.get(id)),
    cancelGeneration: async (input) => generation.cancel(input.id),
    clearGraph: (input) => services.clear.clear(input),
  };
}
