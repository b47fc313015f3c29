/**
 * Property: for random generator requests, the data written to Neo4j keeps the model's
 * invariants — each field consultant has exactly one employer, each company exactly one
 * covering field consultant and its requested number of distinct products, OWNS never crosses a
 * region, every node carries its region — and the counts follow the size formula of the request
 * (and agree with what the run reports).
 */
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerateRequest } from '../../../src/shared/api';
import { runGeneration } from '../../../src/main/services/generation/run';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { testDeps } from '../generation/support';

const RUNS = 4;
let driver: Driver;
let regions: string[];
let checked = 0;

beforeAll(() => {
  regions = testRegions(2);
  driver = testDriver();
});

afterAll(async () => {
  await removeRegions(driver, regions);
  await driver.close();
  console.log(`generator invariants: ${checked} random requests checked`);
});

async function scalar(cypher: string, params: Record<string, unknown>): Promise<number> {
  const { records } = await driver.executeQuery(cypher, params, {
    database: testDatabase().database,
  });
  return Number(records[0]?.get(0));
}

/** Catalogue size: every owner holds `perOwner` distinct items; each is owned ~1.2 times. */
const catalogue = (owners: number, perOwner: number): number =>
  perOwner === 0 ? 0 : Math.max(perOwner, Math.ceil((owners * perOwner) / 1.2));

describe('generator invariants (property-based, real Neo4j)', () => {
  it('holds the data model and the size formula for random requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          regions: fc.subarray(regions, { minLength: 1 }),
          consultants_per_region: fc.integer({ min: 1, max: 3 }),
          field_consultants_per_consultant: fc.integer({ min: 1, max: 3 }),
          companies_per_field_consultant: fc.integer({ min: 1, max: 3 }),
          products_per_company: fc.integer({ min: 1, max: 3 }),
          incumbents_per_company: fc.integer({ min: 0, max: 2 }),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        async (input) => {
          checked += 1;
          const request = GenerateRequest.parse({ ...input, mode: 'replace' });
          await removeRegions(driver, regions);
          const result = await runGeneration(testDeps(driver, regions), request);
          const r = { regions: input.regions };
          const perRegion = {
            CONSULTANT: input.consultants_per_region,
            FIELD_CONSULTANT: input.consultants_per_region * input.field_consultants_per_consultant,
            COMPANY:
              input.consultants_per_region *
              input.field_consultants_per_consultant *
              input.companies_per_field_consultant,
          };
          const products = catalogue(perRegion.COMPANY, input.products_per_company);
          const incumbents = catalogue(perRegion.COMPANY, input.incumbents_per_company);
          const expected = {
            ...perRegion,
            PRODUCT: products,
            INCUMBENT_PRODUCT: incumbents,
          };
          for (const [label, count] of Object.entries(expected)) {
            const stored = await scalar(
              `MATCH (n:${label}) WHERE n.region IN $regions RETURN count(n)`,
              r,
            );
            expect(stored, label).toBe(count * input.regions.length);
            expect(result.nodes_by_label[label] ?? 0, label).toBe(stored);
          }
          // Exactly one employer per field consultant.
          expect(
            await scalar(
              `MATCH (f:FIELD_CONSULTANT) WHERE f.region IN $regions
               WITH f, COUNT { (:CONSULTANT)-[:EMPLOYS]->(f) } AS employers
               WHERE employers <> 1 RETURN count(f)`,
              r,
            ),
          ).toBe(0);
          // Exactly one covering field consultant and at least one product per company, each
          // owned once; products per company vary, but average P.
          expect(
            await scalar(
              `MATCH (co:COMPANY) WHERE co.region IN $regions
               WITH co, COUNT { (:FIELD_CONSULTANT)-[:COVERS]->(co) } AS fcs,
                    COUNT { (co)-[:OWNS]->(:PRODUCT) } AS owned,
                    COUNT { MATCH (co)-[:OWNS]->(p:PRODUCT) RETURN DISTINCT p } AS distinctOwned
               WHERE fcs <> 1 OR owned < 1 OR distinctOwned <> owned RETURN count(co)`,
              r,
            ),
          ).toBe(0);
          expect(
            await scalar(
              'MATCH (co:COMPANY)-[o:OWNS]->(:PRODUCT) WHERE co.region IN $regions RETURN count(o)',
              r,
            ),
          ).toBe(perRegion.COMPANY * input.products_per_company * input.regions.length);
          // Every consultant employs at least one field consultant.
          expect(
            await scalar(
              `MATCH (c:CONSULTANT) WHERE c.region IN $regions
               AND NOT (c)-[:EMPLOYS]->(:FIELD_CONSULTANT) RETURN count(c)`,
              r,
            ),
          ).toBe(0);
          // OWNS, EMPLOYS, COVERS, RATES and BI_RECOMMENDS stay within a region.
          expect(
            await scalar(
              `MATCH (a)-[rel]->(b) WHERE a.region IN $regions AND a.region <> b.region
               RETURN count(rel)`,
              r,
            ),
          ).toBe(0);
          const relationships = await scalar(
            'MATCH (a)-[rel]->() WHERE a.region IN $regions RETURN count(rel)',
            r,
          );
          expect(relationships).toBe(result.total_relationships);
          expect(result.relationships_by_type.EMPLOYS).toBe(
            perRegion.FIELD_CONSULTANT * input.regions.length,
          );
          expect(
            await scalar(
              'MATCH (n) WHERE n.region IN $regions AND n.generation_id <> $id RETURN count(n)',
              { ...r, id: result.generation_id },
            ),
          ).toBe(0);
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 180_000);
});
