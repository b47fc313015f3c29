/** The read side of the graph: region networks, filters and exploration. */
import type {
  FilterRequest,
  GraphResponse,
  NeighboursInput,
  NeighboursResponse,
  NodeDetails,
  NodeRef,
  RegionGraphInput,
  SearchInput,
  SearchResponse,
} from '../../../shared/api';
import type { ServiceDeps } from '../types';
import { neighbours, nodeDetails, search } from './explore';
import { filterGraph } from './filter';
import { regionGraph } from './region';

export type GraphService = {
  region(input: RegionGraphInput): Promise<GraphResponse>;
  filter(input: FilterRequest): Promise<GraphResponse>;
  node(ref: NodeRef): Promise<NodeDetails>;
  neighbours(input: NeighboursInput): Promise<NeighboursResponse>;
  search(input: SearchInput): Promise<SearchResponse>;
};

export function createGraphService(deps: ServiceDeps): GraphService {
  return {
    region: (input) => regionGraph(deps, input),
    filter: (input) => filterGraph(deps, input),
    node: (ref) => nodeDetails(deps, ref),
    neighbours: (input) => neighbours(deps, input),
    search: (input) => search(deps, input),
  };
}
