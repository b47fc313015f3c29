/** The region graph: the region's network in one mode, capped with whole neighbourhoods first. */
import type { GraphResponse, RegionGraphInput } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import {
  regionNodesQuery,
  regionRelationshipCountQuery,
  regionRelationshipsQuery,
} from '../../db/cypher/region';
import type { ServiceDeps } from '../types';
import { cappedGraph } from './capped';
import { int, nodesOf, numberOf, readTransaction, relationshipsOf } from './read';

export function assertKnownRegion(deps: ServiceDeps, region: string): void {
  if (deps.config.REGIONS.includes(region)) return;
  const known = deps.config.REGIONS.join(', ');
  throw new AppError('NOT_FOUND', `Unknown region ${region}; known regions: ${known}.`, [
    { field: 'region', message: `must be one of ${known}` },
  ]);
}

export async function regionGraph(
  deps: ServiceDeps,
  input: RegionGraphInput,
): Promise<GraphResponse> {
  assertKnownRegion(deps, input.region);
  const limit = input.limit ?? deps.config.DEFAULT_REGION_SIZE;
  const { mode, region } = input;
  return readTransaction(deps, async (tx) => {
    const nodeRows = await tx.run(regionNodesQuery(mode), { region, limit: int(limit) });
    const row = nodeRows.records[0];
    const nodes = nodesOf(row?.get('nodes'));
    const ids = nodes.map((node) => node.elementId);
    const relRows = await tx.run(regionRelationshipsQuery(mode), { region, ids });
    const countRows = await tx.run(regionRelationshipCountQuery(mode), { region });
    return cappedGraph({
      nodes,
      relationships: relationshipsOf(relRows.records.map((record) => record.get('r') as unknown)),
      totalNodes: numberOf(row?.get('total')),
      totalRelationships: numberOf(countRows.records[0]?.get('total')),
      limit,
      mode,
    });
  });
}
