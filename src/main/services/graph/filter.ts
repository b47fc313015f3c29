/** The filter endpoint: the union of matching paths, restricted to node types, capped. */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import type { FilterRequest, GraphResponse } from '../../../shared/api';
import {
  filterAnchoredQuery,
  filterCountQuery,
  filterHubRelationshipsQuery,
} from '../../db/cypher/filter';
import { labelDepths } from '../../db/cypher/modes';
import { PATH_HUB, type PathFilterField } from '../../db/cypher/paths';
import { assertRegionsConfigured } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { cappedGraph } from './capped';
import { checkFilter, filterParameters, setFields } from './filter-fields';
import { anchorsToRead, int, nodesOf, numberOf, readTransaction, relationshipsOf } from './read';

type FirstPaths = { nodes: Node[]; relationships: Relationship[] };

/**
 * The first `read` nodes in cap order with their paths' relationships, read from as few roots
 * as it takes: roots with matching paths are taken by id in growing batches until their paths
 * hold `read` nodes, or until there are no more (then the relationships are all the view's).
 */
async function firstPaths(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  read: number,
): Promise<FirstPaths> {
  let anchors = anchorsToRead(read);
  for (;;) {
    const row = (await tx.run(query, { ...params, anchors: int(anchors), limit: int(read) }))
      .records[0];
    const reached = numberOf(row?.get('reached'));
    if (reached >= read || numberOf(row?.get('roots')) < anchors)
      return {
        nodes: nodesOf(row?.get('nodes')),
        relationships: relationshipsOf(row?.get('rels')),
      };
    anchors = anchorsToRead(read, anchors, reached);
  }
}

const uniqueById = (relationships: Relationship[]): Relationship[] => [
  ...new Map(relationships.map((rel) => [rel.elementId, rel])).values(),
];

async function filterGraph(deps: ServiceDeps, filter: FilterRequest): Promise<GraphResponse> {
  assertRegionsConfigured(deps.config, filter.regions);
  const fields: PathFilterField[] = setFields(filter);
  checkFilter(filter, fields);
  const limit = filter.limit ?? deps.config.DEFAULT_REGION_SIZE;
  const depths = labelDepths(filter.mode, filter.node_types);
  const params = { ...filterParameters(filter, fields), depths: depths.map(int) };
  const { mode } = filter;
  return readTransaction(deps, async (tx) => {
    // One node past the cap tells whether the view is truncated; within it, it was read whole.
    const first = await firstPaths(tx, filterAnchoredQuery(mode, fields), params, limit + 1);
    const nodes = first.nodes.slice(0, limit);
    const truncated = first.nodes.length > limit;
    if (!truncated)
      // Every candidate relationship joins two matching nodes of the requested types.
      return cappedGraph({
        nodes,
        relationships: first.relationships,
        totals: null,
        truncated,
        limit,
        mode,
      });
    // Relationships among the kept nodes from paths of roots not read pass through a kept hub.
    const hub = PATH_HUB[mode];
    const hubs = nodes
      .filter((node) => node.labels.includes(hub.label))
      .map((node) => node.elementId);
    const hubRows = hubs.length
      ? (await tx.run(filterHubRelationshipsQuery(mode, fields), { ...params, hubs })).records
      : [];
    const counted =
      filter.totals !== 'none'
        ? (await tx.run(filterCountQuery(mode, fields), params)).records[0]
        : undefined;
    return cappedGraph({
      nodes,
      relationships: uniqueById([
        ...first.relationships,
        ...relationshipsOf(hubRows[0]?.get('rels')),
      ]),
      totals: counted
        ? {
            nodes: numberOf(counted.get('nodes')),
            relationships: numberOf(counted.get('relationships')),
          }
        : null,
      truncated,
      limit,
      mode,
    });
  });
}

export const filterOperations = (deps: ServiceDeps) =>
  ({
    filterGraph: (input) => filterGraph(deps, input),
  }) satisfies Partial<Handlers>;
