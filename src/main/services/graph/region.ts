/** The region graph: the region's network in one mode, capped with whole neighbourhoods first. */
import type { GraphResponse, RegionGraphInput } from '../../../shared/api';
import type { ManagedTransaction, Node } from 'neo4j-driver';
import {
  regionAllNodesQuery,
  regionAnchoredNodesQuery,
  regionAllRelationshipsQuery,
  regionNodeCountQuery,
  regionNodesQuery,
  regionRelationshipCountQuery,
  regionRelationshipsQuery,
} from '../../db/cypher/region';
import { assertRegionExists } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { cappedGraph } from './capped';
import { anchorsToRead, int, nodesOf, numberOf, readTransaction, relationshipsOf } from './read';

/**
 * The first `limit` nodes in cap order, read from as few roots as it takes: roots are taken by
 * id in growing batches until their neighbourhoods hold `limit` nodes. Should the roots run out
 * first (the rest are nodes no root reaches, or roots without an id), the whole region is ordered.
 */
async function firstNodes(
  tx: ManagedTransaction,
  mode: RegionGraphInput['mode'],
  region: string,
  limit: number,
): Promise<Node[]> {
  let anchors = anchorsToRead(limit);
  for (;;) {
    const rows = await tx.run(regionAnchoredNodesQuery(mode), {
      region,
      anchors: int(anchors),
      limit: int(limit),
    });
    const row = rows.records[0];
    const reached = numberOf(row?.get('reached'));
    if (reached >= limit) return nodesOf(row?.get('nodes'));
    if (numberOf(row?.get('roots')) < anchors) break;
    anchors = anchorsToRead(limit, anchors, reached);
  }
  const nodeRows = await tx.run(regionNodesQuery(mode), { region, limit: int(limit) });
  return nodesOf(nodeRows.records[0]?.get('nodes'));
}

/**
 * With exact totals, counts first: a region within the cap is read whole by plain scans. Else
 * only the first roots' neighbourhoods are read, in cap order (whole neighbourhoods first), one
 * node past the cap to know whether the view is truncated, with the relationships among the
 * kept nodes; the whole region's relationships are counted only for exact totals.
 */
async function regionGraph(deps: ServiceDeps, input: RegionGraphInput): Promise<GraphResponse> {
  assertRegionExists(deps.config, input.region);
  const limit = input.limit ?? deps.config.DEFAULT_REGION_SIZE;
  const { mode, region } = input;
  const relationshipsOfRows = (records: { get(key: string): unknown }[]) =>
    relationshipsOf(records.map((record) => record.get('r')));
  return readTransaction(deps, async (tx) => {
    const counted =
      input.totals !== 'none'
        ? numberOf((await tx.run(regionNodeCountQuery(mode), { region })).records[0]?.get('total'))
        : null;
    if (counted !== null && counted <= limit) {
      const nodeRows = await tx.run(regionAllNodesQuery(mode), { region });
      const relRows = await tx.run(regionAllRelationshipsQuery(mode), { region });
      return cappedGraph({
        nodes: nodesOf(nodeRows.records.map((record) => record.get('n') as unknown)),
        relationships: relationshipsOfRows(relRows.records),
        totals: null,
        truncated: false,
        limit,
        mode,
      });
    }
    const read = await firstNodes(tx, mode, region, limit + 1);
    const nodes = read.slice(0, limit);
    const ids = nodes.map((node) => node.elementId);
    const relRows = await tx.run(regionRelationshipsQuery(mode), { region, ids });
    const countRelationships = async () =>
      numberOf(
        (await tx.run(regionRelationshipCountQuery(mode), { region })).records[0]?.get('total'),
      );
    return cappedGraph({
      nodes,
      relationships: relationshipsOfRows(relRows.records),
      totals:
        counted === null ? null : { nodes: counted, relationships: await countRelationships() },
      truncated: read.length > limit,
      limit,
      mode,
    });
  });
}

export const regionOperations = (deps: ServiceDeps) =>
  ({
    getRegionGraph: (input) => regionGraph(deps, input),
  }) satisfies Partial<Handlers>;
