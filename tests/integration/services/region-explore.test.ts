/**
 * Region graphs, node details, neighbours with the supernode guard and name search, on the
 * hand-built network of tests/fixtures/filter-graph.ts.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NeighboursInput,
  RegionGraphInput,
  SearchInput,
  type GraphData,
} from '../../../src/shared/api';
import { setupSchema } from '../../../src/main/db/schema';
import { exploreOperations } from '../../../src/main/services/graph/explore';
import { regionOperations } from '../../../src/main/services/graph/region';
import { createFilterGraph, type FixtureIds } from '../../fixtures/filter-graph';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { serviceDeps } from './deps';

let driver: Driver;
let service: ReturnType<typeof regionOperations> & ReturnType<typeof exploreOperations>;
let ids: FixtureIds;
let A: string;
let B: string;
let HUB: string;
const SPOKES = 2_500;

beforeAll(async () => {
  [A = '', B = ''] = testRegions(2);
  driver = testDriver();
  const { database } = testDatabase();
  await setupSchema(driver, database);
  ids = await createFilterGraph(driver, database, A, B);
  // A supernode in B: one product owned by thousands of companies.
  HUB = `${B}-HUB`;
  await driver.executeQuery(
    `CREATE (p:PRODUCT {id: $hub, name: 'Hub Fund', region: $region, asset_class: 'Equities'})
     WITH p UNWIND range(1, $spokes) AS i
     CREATE (:COMPANY {id: $region + '-S' + i, name: 'Spoke ' + i, region: $region})-[:OWNS {mandate_status: 'Active'}]->(p)`,
    { hub: HUB, region: B, spokes: SPOKES },
    { database },
  );
  const deps = serviceDeps(driver, { REGIONS: `${A},${B}` });
  service = { ...regionOperations(deps), ...exploreOperations(deps) };
});

afterAll(async () => {
  await removeRegions(driver, [A, B]);
  await driver.close();
});

const shortNames = (response: GraphData): string[] => {
  const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  return response.nodes.map((n) => byId.get(n.id) ?? n.id);
};

describe('region graph', () => {
  it("returns the region's standard network with totals", async () => {
    const result = await service.getRegionGraph(RegionGraphInput.parse({ region: A }));
    // 2 consultants, 3 field consultants, 4 companies, 4 products (P9 is an orphan, still
    // in the region); incumbents belong to the other mode.
    expect(result.nodes).toHaveLength(13);
    // 3 EMPLOYS + 4 COVERS + 5 OWNS of products + 4 RATES (C2→P3 included: both in A).
    expect(result.relationships).toHaveLength(16);
    expect(result.totals).toEqual({ nodes: 13, relationships: 16 });
    expect(result.truncated).toBe(false);
    expect(result.limit).toBe(5_000);
    expect(shortNames(result).sort()).toEqual(
      ['C1', 'C2', 'F1', 'F2', 'F3', 'CO1', 'CO2', 'CO3', 'CO4', 'P1', 'P2', 'P3', 'P9'].sort(),
    );
  });

  it('leaves out first what no consultant reaches', async () => {
    // Cap order: C1's block (C1; F1, F2; CO1, CO2, CO4; P1, P2, P3), C2's (C2; F3; CO3), then
    // the orphan P9 — the one node a cap of 12 drops.
    const result = await service.getRegionGraph(RegionGraphInput.parse({ region: A, limit: 12 }));
    expect(shortNames(result)).toEqual([
      'C1',
      'F1',
      'F2',
      'CO1',
      'CO2',
      'CO4',
      'P1',
      'P2',
      'P3',
      'C2',
      'F3',
      'CO3',
    ]);
    // P9 has no relationships: all 16 are kept.
    expect(result.relationships).toHaveLength(16);
    expect(result.truncated).toBe(true);
  });

  it('caps at the limit, keeping the first consultant whole', async () => {
    const result = await service.getRegionGraph(RegionGraphInput.parse({ region: A, limit: '9' }));
    expect(shortNames(result)).toEqual(['C1', 'F1', 'F2', 'CO1', 'CO2', 'CO4', 'P1', 'P2', 'P3']);
    // Among these nine: EMPLOYS ×2, COVERS ×3, OWNS ×4, RATES C1→P1, C1→P2.
    expect(result.relationships).toHaveLength(11);
    expect(result.totals).toEqual({ nodes: 13, relationships: 16 });
    expect(result.truncated).toBe(true);
  });

  it('returns the recommendations view', async () => {
    const result = await service.getRegionGraph(
      RegionGraphInput.parse({ region: A, mode: 'recommendations', limit: 4 }),
    );
    // Companies first, each followed by its incumbents and their recommendations.
    expect(shortNames(result)).toEqual(['CO1', 'I1', 'P1', 'P3']);
    expect(result.relationships.map((r) => r.type).sort()).toEqual([
      'BI_RECOMMENDS',
      'BI_RECOMMENDS',
      'OWNS',
    ]);
    // 4 companies, 2 incumbents, 4 products; 2 OWNS of incumbents, 3 BI_RECOMMENDS.
    expect(result.totals).toEqual({ nodes: 10, relationships: 5 });
  });

  it('refuses an unknown region, naming the known ones', async () => {
    await expect(
      service.getRegionGraph(RegionGraphInput.parse({ region: 'NOPE' })),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `Unknown region NOPE; known regions: ${A}, ${B}.`,
    });
  });
});

describe('exploration', () => {
  it('describes a node with its degree by type and direction', async () => {
    const details = await service.getNode({ label: 'CONSULTANT', id: ids.C1 });
    expect(details.node).toMatchObject({ key: `CONSULTANT:${ids.C1}`, name: 'Alice Anders' });
    expect(details.degree_by_type).toEqual({ 'EMPLOYS:out': 2, 'COVERS:out': 1, 'RATES:out': 2 });
    expect(details.degree).toBe(5);
    await expect(service.getNode({ label: 'PRODUCT', id: ids.C1 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('pages neighbours in a stable order', async () => {
    const first = await service.getNeighbours(
      NeighboursInput.parse({ label: 'CONSULTANT', id: ids.C1, limit: 2 }),
    );
    // Ordered by type, then neighbour id: COVERS CO4, EMPLOYS F1, EMPLOYS F2, RATES P1, RATES P2.
    expect(first.total).toBe(5);
    expect(first.has_more).toBe(true);
    expect(first.relationships.map((r) => r.type)).toEqual(['COVERS', 'EMPLOYS']);
    expect(shortNames(first).sort()).toEqual(['C1', 'CO4', 'F1']);
    const last = await service.getNeighbours(
      NeighboursInput.parse({ label: 'CONSULTANT', id: ids.C1, limit: 2, offset: 4 }),
    );
    expect(last.relationships.map((r) => r.target)).toEqual([`PRODUCT:${ids.P2}`]);
    expect(last.has_more).toBe(false);
    const employs = await service.getNeighbours(
      NeighboursInput.parse({ label: 'CONSULTANT', id: ids.C1, types: ['EMPLOYS'] }),
    );
    expect(employs.total).toBe(2);
  });

  it('guards against supernodes: counts all, returns one page', async () => {
    const page = await service.getNeighbours(NeighboursInput.parse({ label: 'PRODUCT', id: HUB }));
    expect(page.total).toBe(SPOKES);
    expect(page.relationships).toHaveLength(100);
    expect(page.nodes).toHaveLength(101);
    expect(page.has_more).toBe(true);
    const details = await service.getNode({ label: 'PRODUCT', id: HUB });
    expect(details.degree_by_type).toEqual({ 'OWNS:in': SPOKES });
  });

  it('reports a missing node when asked for its neighbours', async () => {
    await expect(
      service.getNeighbours(NeighboursInput.parse({ label: 'COMPANY', id: 'missing' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('searches names by word prefix, as plain text, within labels and regions', async () => {
    const search = (input: object) =>
      service.search(SearchInput.parse({ regions: [A, B], ...input }));
    const prefix = await search({ q: 'acme pen' });
    expect(prefix.results[0]?.node.id).toBe(ids.CO1);
    // Lucene syntax is taken literally: the parenthesis and colon do not break the query.
    const special = await search({ q: 'Zenith (Global' });
    expect(special.results.map((r) => r.node.id)).toEqual([ids.CO4]);
    expect((await search({ q: 'title:"x" OR *' })).results).toEqual([]);
    const equity = await search({ q: 'equity', labels: ['PRODUCT'] });
    expect(equity.results.map((r) => r.node.id).sort()).toEqual([ids.P1, ids.P3, ids.P4].sort());
    const inB = await search({ q: 'equity', regions: [B], labels: ['PRODUCT'] });
    expect(inB.results.map((r) => r.node.id)).toEqual([ids.P4]);
    const rivals = await search({ q: 'rival', labels: ['INCUMBENT_PRODUCT'], limit: 1 });
    expect(rivals.results).toHaveLength(1);
  });
});
