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

type FirstPaths = {
  nodes: Node[];
  relationships: Relationship[];
  /** All matching paths were read: the nodes and relationships are the whole view. */
  whole: boolean;
};

/**
 * The first `limit` nodes in cap order with their paths' relationships, read from as few roots
 * as it takes: roots with matching paths are taken by id in growing batches until their paths
 * hold `limit` nodes, or until there are no more.
 */
async function firstPaths(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  limit: number,
): Promise<FirstPaths> {
  let anchors = anchorsToRead(limit);
  for (;;) {
    const row = (await tx.run(query, { ...params, anchors: int(anchors) })).records[0];
    const reached = numberOf(row?.get('reached'));
    const whole = numberOf(row?.get('roots')) < anchors;
    if (reached >= limit || whole)
      return {
        nodes: nodesOf(row?.get('nodes')),
        relationships: relationshipsOf(row?.get('rels')),
        whole: whole && reached <= limit,
      };
    anchors = anchorsToRead(limit, anchors, reached);
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
  const params = {
    ...filterParameters(filter, fields),
    depths: depths.map(int),
    limit: int(limit),
  };
  const { mode } = filter;
  return readTransaction(deps, async (tx) => {
    const first = await firstPaths(tx, filterAnchoredQuery(mode, fields), params, limit);
    if (first.whole) {
      // Every candidate relationship joins two matching nodes of the requested types.
      const relationships = first.relationships;
      return cappedGraph({
        nodes: first.nodes,
        relationships,
        totalNodes: first.nodes.length,
        totalRelationships: relationships.length,
        limit,
        mode,
      });
    }
    // Relationships among the kept nodes from paths of roots not read pass through a kept hub.
    const hub = PATH_HUB[mode];
    const hubs = first.nodes
      .filter((node) => node.labels.includes(hub.label))
      .map((node) => node.elementId);
    const hubRows = hubs.length
      ? (await tx.run(filterHubRelationshipsQuery(mode, fields), { ...params, hubs })).records
      : [];
    const counted = (await tx.run(filterCountQuery(mode, fields), params)).records[0];
    return cappedGraph({
      nodes: first.nodes,
      relationships: uniqueById([
        ...first.relationships,
        ...relationshipsOf(hubRows[0]?.get('rels')),
      ]),
      totalNodes: numberOf(counted?.get('nodes')),
      totalRelationships: numberOf(counted?.get('relationships')),
      limit,
      mode,
    });
  });
}

export const filterOperations = (deps: ServiceDeps) =>
  ({
    filterGraph: (input) => filterGraph(deps, input),
  }) satisfies Partial<Handlers>;
