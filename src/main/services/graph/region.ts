/** The region graph: the region's network in one mode, capped with whole neighbourhoods first. */
import type { GraphResponse, RegionGraphInput } from '../../../shared/api';
import {
  regionAllNodesQuery,
  regionAllRelationshipsQuery,
  regionNodeCountQuery,
  regionNodesQuery,
  regionRelationshipCountQuery,
  regionRelationshipsQuery,
} from '../../db/cypher/region';
import { assertRegionExists } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { cappedGraph } from './capped';
import { int, nodesOf, numberOf, readTransaction, relationshipsOf } from './read';

/**
 * Counts first: a region within the cap is read whole by plain scans; a larger one is read in cap
 * order (whole neighbourhoods first) with the relationships among the kept nodes.
 */
async function regionGraph(deps: ServiceDeps, input: RegionGraphInput): Promise<GraphResponse> {
  assertRegionExists(deps.config, input.region);
  const limit = input.limit ?? deps.config.DEFAULT_REGION_SIZE;
  const { mode, region } = input;
  const relationshipsOfRows = (records: { get(key: string): unknown }[]) =>
    relationshipsOf(records.map((record) => record.get('r')));
  return readTransaction(deps, async (tx) => {
    const counted = await tx.run(regionNodeCountQuery(mode), { region });
    const totalNodes = numberOf(counted.records[0]?.get('total'));
    if (totalNodes <= limit) {
      const nodeRows = await tx.run(regionAllNodesQuery(mode), { region });
      const relRows = await tx.run(regionAllRelationshipsQuery(mode), { region });
      const relationships = relationshipsOfRows(relRows.records);
      const nodes = nodesOf(nodeRows.records.map((record) => record.get('n') as unknown));
      return cappedGraph({
        nodes,
        relationships,
        totalNodes,
        totalRelationships: relationships.length,
        limit,
        mode,
      });
    }
    const nodeRows = await tx.run(regionNodesQuery(mode), { region, limit: int(limit) });
    const nodes = nodesOf(nodeRows.records[0]?.get('nodes'));
    const ids = nodes.map((node) => node.elementId);
    const relRows = await tx.run(regionRelationshipsQuery(mode), { region, ids });
    const countRows = await tx.run(regionRelationshipCountQuery(mode), { region });
    return cappedGraph({
      nodes,
      relationships: relationshipsOfRows(relRows.records),
      totalNodes,
      totalRelationships: numberOf(countRows.records[0]?.get('total')),
      limit,
      mode,
    });
  });
}

export const regionOperations = (deps: ServiceDeps) =>
  ({
    getRegionGraph: (input) => regionGraph(deps, input),
  }) satisfies Partial<Handlers>;
