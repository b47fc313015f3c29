/**
 * The guard's estimate: what a region or filter view would return, counted by the view's own
 * Cypher (count where the view collects), so a view within the cap draws exactly this many.
 */
import type { GraphEstimate, GraphEstimateRequest } from '../../../shared/api';
import { filterCountQuery } from '../../db/cypher/filter';
import { labelDepths } from '../../db/cypher/modes';
import { regionNodeCountQuery, regionRelationshipCountQuery } from '../../db/cypher/region';
import { assertRegionExists, assertRegionsConfigured } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { checkFilter, filterParameters, setFields } from './filter-fields';
import { int, numberOf, readTransaction } from './read';

async function estimateGraph(
  deps: ServiceDeps,
  request: GraphEstimateRequest,
): Promise<GraphEstimate> {
  if (request.view === 'region') {
    assertRegionExists(deps.config, request.region);
    const { mode, region } = request;
    return readTransaction(deps, async (tx) => {
      const nodes = await tx.run(regionNodeCountQuery(mode), { region });
      const rels = await tx.run(regionRelationshipCountQuery(mode), { region });
      return {
        nodes: numberOf(nodes.records[0]?.get('total')),
        relationships: numberOf(rels.records[0]?.get('total')),
      };
    });
  }
  const { filter } = request;
  assertRegionsConfigured(deps.config, filter.regions);
  const fields = setFields(filter);
  checkFilter(filter, fields);
  const params = {
    ...filterParameters(filter, fields),
    depths: labelDepths(filter.mode, filter.node_types).map(int),
  };
  return readTransaction(deps, async (tx) => {
    const row = (await tx.run(filterCountQuery(filter.mode, fields), params)).records[0];
    return {
      nodes: numberOf(row?.get('nodes')),
      relationships: numberOf(row?.get('relationships')),
    };
  });
}

export const estimateOperations = (deps: ServiceDeps) =>
  ({
    estimateGraph: (input) => estimateGraph(deps, input),
  }) satisfies Partial<Handlers>;
