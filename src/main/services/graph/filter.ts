/** The filter endpoint: the union of matching paths, restricted to node types, capped. */
import type { FilterRequest, GraphResponse } from '../../../shared/api';
import { filterGraphQuery } from '../../db/cypher/filter';
import { labelDepths } from '../../db/cypher/modes';
import { assertRegionsConfigured } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { cappedGraph } from './capped';
import { checkFilter, filterParameters, setFields } from './filter-fields';
import { int, nodesOf, numberOf, readTransaction, relationshipsOf } from './read';

async function filterGraph(deps: ServiceDeps, filter: FilterRequest): Promise<GraphResponse> {
  assertRegionsConfigured(deps.config, filter.regions);
  const fields = setFields(filter);
  checkFilter(filter, fields);
  const limit = filter.limit ?? deps.config.DEFAULT_REGION_SIZE;
  const depths = labelDepths(filter.mode, filter.node_types);
  const params = {
    ...filterParameters(filter, fields),
    depths: depths.map(int),
    limit: int(limit),
  };
  return readTransaction(deps, async (tx) => {
    const result = await tx.run(filterGraphQuery(filter.mode, fields), params);
    const row = result.records[0];
    const relationships = relationshipsOf(row?.get('rels'));
    const nodes = nodesOf(row?.get('nodes'));
    // Every candidate relationship joins two matching nodes of the requested types.
    return cappedGraph({
      nodes,
      relationships,
      totalNodes: numberOf(row?.get('total')),
      totalRelationships: relationships.length,
      limit,
      mode: filter.mode,
    });
  });
}

export const filterOperations = (deps: ServiceDeps) =>
  ({
    filterGraph: (input) => filterGraph(deps, input),
  }) satisfies Partial<Handlers>;
