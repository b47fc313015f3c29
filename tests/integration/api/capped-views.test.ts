/**
 * Capped region and filter views over HTTP on generated data: the database reads only the first
 * roots' neighbourhoods, and the result is still exactly the first `limit` nodes of the whole
 * view in cap order (the whole-view Cypher, run here as the reference), with every relationship
 * of the whole view among them, and the whole view's totals. Asked with `totals: none`, a
 * truncated view returns the same nodes and relationships without counting (totals null), and a
 * view within the cap still has exact totals.
 */
import neo4j, { isNode, type Node } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterGraphQuery } from '../../../src/main/db/cypher/filter';
import { labelDepths } from '../../../src/main/db/cypher/modes';
import { regionNodesQuery } from '../../../src/main/db/cypher/region';
import { filterParameters, setFields } from '../../../src/main/services/graph/filter-fields';
import {
  FilterRequest,
  GraphResponse,
  type FilterInput,
  type GraphData,
} from '../../../src/shared/api';
import type { GraphMode } from '../../../src/shared/domain';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
let B = '';

beforeAll(async () => {
  h = await openHarness();
  [A = '', B = ''] = h.regions;
  await request(h.app)
    .post('/api/v1/graph/generate')
    .send({ regions: [A, B], consultants_per_region: 12, seed: 17 })
    .expect(200);
}, 180_000);
afterAll(async () => {
  await h.close();
});

const ALL = 100_000;
const keyOf = (node: Node): string => `${node.labels[0] ?? ''}:${String(node.properties.id)}`;

/** Node keys of the whole view in cap order, by the whole-view Cypher. */
async function wholeOrder(cypher: string, params: Record<string, unknown>): Promise<string[]> {
  const { records } = await h.driver.executeQuery(cypher, params, {
    database: testDatabase().database,
  });
  const nodes = (records[0]?.get('nodes') as unknown[] | undefined) ?? [];
  return nodes.filter((n): n is Node => isNode(n)).map(keyOf);
}

const edgeKeys = (graph: GraphData, kept: Set<string>): string[] =>
  graph.relationships
    .filter((r) => kept.has(r.source) && kept.has(r.target))
    .map((r) => r.key)
    .sort();

function expectFirstOfWhole(capped: GraphResponse, whole: GraphResponse, order: string[]) {
  const limit = capped.limit;
  expect(capped.nodes.map((n) => n.key)).toEqual(order.slice(0, limit));
  const kept = new Set(capped.nodes.map((n) => n.key));
  expect(capped.relationships.map((r) => r.key).sort()).toEqual(edgeKeys(whole, kept));
  expect(capped.totals).toEqual(whole.totals);
  expect(capped.truncated).toBe(order.length > limit);
}

const sortedKeys = (items: { key: string }[]): string[] => items.map((i) => i.key).sort();

/**
 * The same view asked with `totals: none`: the same graph (a region within the cap is read
 * by plain scans with exact totals, so in another order), no totals when it is truncated.
 */
function expectUncounted(uncounted: GraphResponse, counted: GraphResponse) {
  if (counted.truncated) expect(uncounted.nodes).toEqual(counted.nodes);
  else expect(sortedKeys(uncounted.nodes)).toEqual(sortedKeys(counted.nodes));
  expect(sortedKeys(uncounted.relationships)).toEqual(sortedKeys(counted.relationships));
  expect(uncounted.truncated).toBe(counted.truncated);
  expect(uncounted.totals).toEqual(counted.truncated ? null : counted.totals);
}

describe('capped views read the first roots only, and return the first nodes of the whole view', () => {
  it.each(['standard', 'recommendations'] as const)('region (%s)', async (mode: GraphMode) => {
    const get = async (limit: number, totals = 'exact') =>
      GraphResponse.parse(
        (
          await request(h.app).get(
            `/api/v1/graph/region/${A}?mode=${mode}&limit=${limit}&totals=${totals}`,
          )
        ).body,
      );
    const whole = await get(ALL);
    expect(whole.truncated).toBe(false);
    expect(whole.totals).toEqual({
      nodes: whole.nodes.length,
      relationships: whole.relationships.length,
    });
    expectUncounted(await get(ALL, 'none'), whole);
    // Exactly at the cap: within it, so exact totals without counting.
    expectUncounted(await get(whole.nodes.length, 'none'), whole);
    const order = await wholeOrder(regionNodesQuery(mode), { region: A, limit: neo4j.int(ALL) });
    expect([...order].sort()).toEqual(whole.nodes.map((n) => n.key).sort());
    // Caps inside the first root, across roots, and all but the last node.
    for (const limit of [1, 7, 40, 133, whole.nodes.length - 1]) {
      const capped = await get(limit);
      expect(capped.truncated).toBe(true);
      expectFirstOfWhole(capped, whole, order);
      expectUncounted(await get(limit, 'none'), capped);
    }
  });

  // Functions: the regions are known once the harness is open.
  const filters: [string, () => FilterInput][] = [
    ['one region', () => ({ regions: [A] })],
    ['seed example', () => ({ node_types: ['CONSULTANT', 'PRODUCT'], ratings: ['Positive'] })],
    ['statuses', () => ({ mandate_statuses: ['Active', 'At Risk'] })],
    [
      'companies and products',
      () => ({ node_types: ['COMPANY', 'PRODUCT'], influence_levels: [3, 4] }),
    ],
    ['recommendations', () => ({ mode: 'recommendations', regions: [B] })],
    [
      'recommendations, growth',
      () => ({ mode: 'recommendations', opportunity_types: ['Growth'], node_types: ['PRODUCT'] }),
    ],
  ];

  it.each(filters)('filter (%s)', async (_name, make) => {
    // The regions are the test's own: a filter without them would see other tests' data.
    const body = { regions: [A, B], ...make() };
    const post = async (limit: number, totals = 'exact') =>
      GraphResponse.parse(
        (
          await request(h.app)
            .post('/api/v1/graph/filter')
            .send({ ...body, limit, totals })
        ).body,
      );
    const whole = await post(ALL);
    expect(whole.truncated).toBe(false);
    expectUncounted(await post(ALL, 'none'), whole);
    expectUncounted(await post(whole.nodes.length, 'none'), whole);
    expect(whole.nodes.length).toBeGreaterThan(10);
    const filter = FilterRequest.parse(body);
    const fields = setFields(filter);
    const order = await wholeOrder(filterGraphQuery(filter.mode, fields), {
      ...filterParameters(filter, fields),
      depths: labelDepths(filter.mode, filter.node_types).map((d) => neo4j.int(d)),
      limit: neo4j.int(ALL),
    });
    expect(whole.nodes.map((n) => n.key)).toEqual(order);
    const n = whole.nodes.length;
    for (const limit of [1, 5, 31, Math.floor(n / 2), n - 1].filter((l) => l < n)) {
      const capped = await post(limit);
      expect(capped.truncated).toBe(true);
      expectFirstOfWhole(capped, whole, order);
      expectUncounted(await post(limit, 'none'), capped);
    }
  });
});
