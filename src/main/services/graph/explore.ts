/**
 * Exploration: a node with its degree, its neighbours a page at a time (the count comes first,
 * so a node with thousands of relationships never floods the client), name search and the
 * shortest paths between two nodes.
 */
import { isNode, isPath, type Node, type Path } from 'neo4j-driver';
import type {
  GraphNode,
  NeighboursInput,
  NeighboursResponse,
  NodeDetails,
  NodeRef,
  LinksRequest,
  LinksResponse,
  PathsRequest,
  PathsResponse,
  SearchInput,
  SearchResponse,
} from '../../../shared/api';
import { SEARCH_CANDIDATES, SEARCH_RANKS } from '../../../shared/api';
import { VERSION_PROPERTY } from '../../../shared/edit';
import { AppError } from '../../../shared/errors';
import {
  neighbourCountQuery,
  neighbourPageQuery,
  linksQuery,
  nodeDetailsQuery,
  pathEndsQuery,
  searchQuery,
  shortestPathsQuery,
} from '../../db/cypher/explore';
import { collectGraphElements, toGraphData, toGraphNode } from '../../db/mapping';
import { FULLTEXT_INDEX } from '../../db/schema';
import { assertRegionsConfigured } from '../regions';
import type { Handlers, ServiceDeps } from '../types';
import { searchQuery as luceneQuery } from './lucene';
import { int, numberOf, readTransaction, relationshipsOf } from './read';

function notFound(ref: NodeRef, field = 'id'): AppError {
  return new AppError('NOT_FOUND', `No ${ref.label} with id ${ref.id}.`, [
    { field, message: `no ${ref.label} has this id` },
  ]);
}

function graphNodeOf(value: unknown, ref: NodeRef): GraphNode {
  const node = isNode(value) ? toGraphNode(value) : undefined;
  if (!node) throw notFound(ref);
  return node;
}

async function nodeDetails(deps: ServiceDeps, ref: NodeRef): Promise<NodeDetails> {
  const record = await readTransaction(deps, async (tx) => {
    const result = await tx.run(nodeDetailsQuery(ref.label), { id: ref.id });
    return result.records[0];
  });
  if (!record) throw notFound(ref);
  const byType: Record<string, number> = {};
  const counts = record.get('byType') as unknown;
  if (counts && typeof counts === 'object')
    for (const [key, value] of Object.entries(counts)) {
      const count = numberOf(value);
      if (count > 0) byType[key] = count;
    }
  return {
    node: graphNodeOf(record.get('n'), ref),
    degree: numberOf(record.get('degree')),
    degree_by_type: byType,
    version: isNode(record.get('n'))
      ? numberOf((record.get('n') as Node).properties[VERSION_PROPERTY])
      : 0,
  };
}

async function neighbours(deps: ServiceDeps, input: NeighboursInput): Promise<NeighboursResponse> {
  const { label, types, limit, offset } = input;
  return readTransaction(deps, async (tx) => {
    const counted = await tx.run(neighbourCountQuery(label, types), { id: input.id });
    const head = counted.records[0];
    if (!head) throw notFound(input);
    const centre = head.get('n') as unknown;
    const total = numberOf(head.get('total'));
    const page =
      offset < total
        ? await tx.run(neighbourPageQuery(label, types), {
            id: input.id,
            offset: int(offset),
            limit: int(limit),
          })
        : { records: [] };
    const others = page.records.map((r) => r.get('m') as unknown).filter((m) => isNode(m));
    const rels = relationshipsOf(page.records.map((r) => r.get('r') as unknown));
    const graph = toGraphData(isNode(centre) ? [centre, ...others] : others, rels);
    return {
      ...graph,
      node: graphNodeOf(centre, input),
      total,
      offset,
      limit,
      has_more: offset + page.records.length < total,
    };
  });
}

/** An id as the generator writes them: letters and digits in dash-separated parts, a digit. */
const ID_LIKE = /^[a-z0-9]+(?:-[a-z0-9]+)+$/i;
const isIdLike = (text: string): boolean => ID_LIKE.test(text) && /\d/.test(text);

async function search(deps: ServiceDeps, input: SearchInput): Promise<SearchResponse> {
  assertRegionsConfigured(deps.config, input.regions);
  const byId = isIdLike(input.q);
  const params = {
    index: FULLTEXT_INDEX,
    query: luceneQuery(input.q),
    id: input.q.toUpperCase(),
    name: input.q.toLowerCase(),
    labels: input.labels ?? null,
    regions: input.regions ?? null,
    near: input.near ?? [],
    region: input.region ?? null,
    candidates: int(SEARCH_CANDIDATES),
    offset: int(input.offset),
    limit: int(input.limit),
  };
  const record = await readTransaction(deps, async (tx) => {
    const result = await tx.run(searchQuery(byId), params);
    return result.records[0];
  });
  const total = numberOf(record?.get('total'));
  const page = (record?.get('page') ?? []) as { node: unknown; score: unknown; tier: unknown }[];
  const results = page.flatMap((hit) => {
    const node = isNode(hit.node) ? toGraphNode(hit.node) : undefined;
    const rank = SEARCH_RANKS[numberOf(hit.tier)] ?? 'other';
    return node ? [{ node, score: numberOf(hit.score), rank }] : [];
  });
  return {
    results,
    total,
    offset: input.offset,
    has_more: input.offset + results.length < total,
  };
}

async function nodeLinks(deps: ServiceDeps, input: LinksRequest): Promise<LinksResponse> {
  const records = await readTransaction(deps, async (tx) => {
    const result = await tx.run(linksQuery(input.node.label), {
      id: input.node.id,
      among: input.among,
    });
    return result.records;
  });
  const first = records[0];
  if (!first) throw notFound(input.node, 'node.id');
  const others = records.map((r) => r.get('m') as unknown).filter((m) => isNode(m));
  const centre = first.get('n') as unknown;
  const graph = toGraphData(
    isNode(centre) ? [centre, ...others] : others,
    relationshipsOf(records.map((r) => r.get('r') as unknown)),
  );
  return { ...graph, node: graphNodeOf(centre, input.node) };
}

async function findPaths(deps: ServiceDeps, input: PathsRequest): Promise<PathsResponse> {
  const { from, to } = input;
  const params = { from: from.id, to: to.id };
  const found = await readTransaction(deps, async (tx) => {
    const ends = (await tx.run(pathEndsQuery(from.label, to.label), params)).records[0];
    if (!ends?.get('fromFound')) throw notFound(from, 'from.id');
    if (!ends.get('toFound')) throw notFound(to, 'to.id');
    const query = shortestPathsQuery(from.label, to.label, input.types, input.max_length);
    const result = await tx.run(query, { ...params, limit: int(input.limit + 1) });
    return result.records.map((r) => r.get('p') as unknown).filter((p): p is Path => isPath(p));
  });
  const paths = found.slice(0, input.limit);
  const elements = collectGraphElements(paths);
  const graph = toGraphData(elements.nodes.values(), elements.relationships.values());
  const keyOf = new Map(
    [...elements.nodes.values()].flatMap((n) => {
      const node = toGraphNode(n);
      return node ? [[n.elementId, node.key] as const] : [];
    }),
  );
  return {
    ...graph,
    paths: paths.map((p) => ({
      nodes: [p.start, ...p.segments.map((s) => s.end)].map((n) => keyOf.get(n.elementId) ?? ''),
      relationships: p.segments.map((s) => s.relationship.elementId),
    })),
    length: paths[0]?.length ?? null,
    truncated: found.length > input.limit,
  };
}

export const exploreOperations = (deps: ServiceDeps) =>
  ({
    getNode: (ref) => nodeDetails(deps, ref),
    getNeighbours: (input) => neighbours(deps, input),
    search: (input) => search(deps, input),
    findPaths: (input) => findPaths(deps, input),
    getNodeLinks: (input) => nodeLinks(deps, input),
  }) satisfies Partial<Handlers>;
