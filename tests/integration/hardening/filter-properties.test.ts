/**
 * Property: for random small networks written to the test database and random filters, the
 * filter service answers exactly what the specification's semantics (filter-reference.ts) give
 * over the same network: the same nodes, the same path relationships, every relationship's two
 * ends returned, only the requested node types, and refusal of fields that do not apply.
 */
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilterRequest, type FilterInput, type GraphResponse } from '../../../src/shared/api';
import { NODE_LABELS, type NodeLabel } from '../../../src/shared/domain';
import { isAppError } from '../../../src/shared/errors';
import { filterOperations } from '../../../src/main/services/graph/filter';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { serviceDeps } from '../services/deps';
import { evaluateFilter } from './filter-reference';
import { graphArb, VALUES, writeGraph, type RGraph } from './random-graph';

const GRAPHS = 8;
const FILTERS_PER_GRAPH = 6;

let driver: Driver;
let service: ReturnType<typeof filterOperations>;
let A = '';
let B = '';
let tried = 0;
let refused = 0;
let nonEmpty = 0;
let filterMs = 0;
let writeMs = 0;

beforeAll(() => {
  [A = '', B = ''] = testRegions(2);
  driver = testDriver();
  service = filterOperations(serviceDeps(driver, { REGIONS: `${A},${B}` }));
});

afterAll(async () => {
  await removeRegions(driver, [A, B]);
  await driver.close();
  console.log(
    `filter properties: ${tried} filters over ${GRAPHS} random networks, ` +
      `${refused} refused as not applicable, ${nonEmpty} with a non-empty answer ` +
      `(writing ${(writeMs / 1000).toFixed(1)} s, filtering ${(filterMs / 1000).toFixed(1)} s)`,
  );
});

function filterArb(graph: RGraph): fc.Arbitrary<FilterInput> {
  const idsOf = (label: NodeLabel) =>
    fc.subarray([...graph.nodes.filter((n) => n.label === label).map((n) => n.id), `${A}-NONE`], {
      minLength: 1,
    });
  const some = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });
  // Each field is set now and then, so that combinations stay satisfiable often enough.
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
    fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: arb, weight: 1 });
  return fc
    .record({
      mode: fc.constantFrom('standard' as const, 'recommendations' as const),
      regions: maybe(some([A, B])),
      node_types: maybe(some(NODE_LABELS)),
      sales_regions: maybe(some(VALUES.sales_regions)),
      channels: maybe(some(VALUES.channels)),
      privacy_levels: maybe(some(VALUES.privacy_levels)),
      asset_classes: maybe(some(VALUES.asset_classes)),
      jpm_flags: maybe(some(VALUES.jpm_flags)),
      mandate_statuses: maybe(some(VALUES.mandate_statuses)),
      ratings: maybe(some(VALUES.ratings)),
      influence_levels: maybe(some(VALUES.influence_levels)),
      opportunity_types: maybe(some(VALUES.opportunity_types)),
      consultant_ids: maybe(idsOf('CONSULTANT')),
      field_consultant_ids: maybe(idsOf('FIELD_CONSULTANT')),
      company_ids: maybe(idsOf('COMPANY')),
      product_ids: maybe(idsOf('PRODUCT')),
      incumbent_product_ids: maybe(idsOf('INCUMBENT_PRODUCT')),
      fc_total_plan_assets_min: maybe(fc.constantFrom(...VALUES.fc_assets)),
      fc_total_plan_assets_max: maybe(fc.constantFrom(...VALUES.fc_assets)),
    })
    .map(
      (filter) =>
        Object.fromEntries(
          Object.entries(filter).filter(([, value]) => value !== undefined),
        ) as FilterInput,
    );
}

/** The answer restricted to this test's regions (other data may share the database). */
function observed(response: GraphResponse, regions: string[]) {
  const ours = response.nodes.filter((n) => n.region !== null && regions.includes(n.region));
  const keys = new Set(ours.map((n) => n.key));
  const idOf = (key: string) => key.slice(key.indexOf(':') + 1);
  const rels = response.relationships.filter((r) => keys.has(r.source) || keys.has(r.target));
  return {
    nodes: keys,
    rels: new Set(rels.map((r) => `${r.type}:${idOf(r.source)}>${idOf(r.target)}`)),
    dangling: rels.filter((r) => !keys.has(r.source) || !keys.has(r.target)),
    labels: new Set(ours.map((n) => n.label)),
  };
}

describe('filter semantics (property-based, real Neo4j)', () => {
  it('matches the reference evaluation on random networks and filters', async () => {
    const database = testDatabase().database;
    await fc.assert(
      fc.asyncProperty(
        graphArb([A, B]).chain((graph) =>
          fc.tuple(
            fc.constant(graph),
            fc.array(filterArb(graph), {
              minLength: FILTERS_PER_GRAPH,
              maxLength: FILTERS_PER_GRAPH,
            }),
          ),
        ),
        async ([graph, filters]) => {
          const writing = performance.now();
          await removeRegions(driver, [A, B]);
          await writeGraph(driver, database, graph);
          writeMs += performance.now() - writing;
          for (const input of filters) {
            tried += 1;
            const filter = FilterRequest.parse(input);
            const expected = evaluateFilter(graph, filter);
            let response: GraphResponse;
            const asking = performance.now();
            try {
              response = await service.filterGraph(filter);
            } catch (error) {
              filterMs += performance.now() - asking;
              if (!expected.refused) throw error;
              refused += 1;
              expect(isAppError(error) && error.code).toBe('VALIDATION_ERROR');
              const fields = isAppError(error) ? error.details?.map((d) => d.field) : [];
              expect(fields?.sort()).toEqual([...expected.fields].sort());
              continue;
            }
            filterMs += performance.now() - asking;
            expect(expected.refused, `refusal expected for ${JSON.stringify(input)}`).toBe(false);
            if (expected.refused) continue;
            const got = observed(response, [A, B]);
            const context = JSON.stringify(input);
            expect(got.dangling, context).toEqual([]);
            expect([...got.nodes].sort(), context).toEqual([...expected.nodes].sort());
            expect([...got.rels].sort(), context).toEqual([...expected.rels].sort());
            if (filter.node_types?.length)
              for (const label of got.labels) expect(filter.node_types).toContain(label);
            if (expected.nodes.size) nonEmpty += 1;
          }
        },
      ),
      { numRuns: GRAPHS, endOnFailure: true },
    );
    // The generator must not drift into filters that match nothing: at least a tenth of the
    // answered ones (refusals have no answer to count) find something.
    expect(nonEmpty).toBeGreaterThan((tried - refused) / 10);
    // Each distinct filter shape is planned once by Neo4j; a busy machine needs the slack.
  }, 180_000);
});
