import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService } from '../../../src/main/services/generation';
import { GenerateRequest } from '../../../src/shared/api';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { testDeps } from './support';

/** The seed README's size table: consultants per region (3 regions) → nodes, relationships. */
const SIZE_TABLE = [
  [10, 720, 1_440],
  [50, 3_600, 7_200],
  [100, 7_200, 14_400],
  [200, 14_400, 28_800],
] as const;

const coefficientOfVariation = (values: number[]): number => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
};

/** Share of the total held by the largest tenth of the values. */
const topTenthShare = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => b - a);
  const top = sorted.slice(0, Math.ceil(values.length / 10));
  return top.reduce((a, b) => a + b, 0) / sorted.reduce((a, b) => a + b, 0);
};

describe('generated structure in the database', () => {
  let driver: Driver;
  const regions = testRegions(3);
  const generate = (input: object) =>
    createGenerationService(testDeps(driver, regions, { MAX_CONSULTANTS_PER_REGION: '200' })).run(
      GenerateRequest.parse({ regions, mode: 'replace', ...input }),
    );
  const read = async (cypher: string) =>
    (
      await driver.executeQuery(cypher, { regions }, { database: testDatabase().database })
    ).records.map((r) => r.toObject());

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it(
    'skews coverage: companies per consultant vary widely and the top tenth hold a large share',
    { timeout: 180_000 },
    async () => {
      await generate({ consultants_per_region: 20, seed: 7 });
      const rows = await read(
        'MATCH (c:CONSULTANT) WHERE c.region IN $regions ' +
          'OPTIONAL MATCH (c)-[:EMPLOYS]->(:FIELD_CONSULTANT)-[viaField:COVERS]->(:COMPANY) ' +
          'WITH c, count(viaField) AS viaField ' +
          'OPTIONAL MATCH (c)-[direct:COVERS]->(:COMPANY) ' +
          'WITH c, viaField, count(direct) AS direct ' +
          'OPTIONAL MATCH (c)-[:EMPLOYS]->(:FIELD_CONSULTANT)-[:COVERS]->(co:COMPANY) ' +
          'RETURN c.id AS id, count(DISTINCT co) AS companies, viaField + direct AS coverage',
      );
      expect(rows).toHaveLength(60);
      const companies = rows.map((r) => Number(r.companies));
      const coverage = rows.map((r) => Number(r.coverage));
      expect(Math.min(...companies)).toBeGreaterThanOrEqual(1);
      expect(coefficientOfVariation(companies)).toBeGreaterThanOrEqual(0.5);
      expect(topTenthShare(coverage)).toBeGreaterThanOrEqual(0.3);
      // Field consultants per consultant vary too (not "exactly 2 each").
      const teams = await read(
        'MATCH (c:CONSULTANT)-[:EMPLOYS]->(f) WHERE c.region IN $regions ' +
          'RETURN c.id AS id, count(f) AS team',
      );
      expect(new Set(teams.map((r) => Number(r.team))).size).toBeGreaterThan(2);
    },
  );

  it('draws assets and mandate values from heavy-tailed distributions', async () => {
    const [aum] = await read(
      'MATCH (c:COMPANY) WHERE c.region IN $regions ' +
        'RETURN percentileCont(c.aum, 0.5) AS median, avg(c.aum) AS mean, max(c.aum) AS max',
    );
    // Log-normal: the mean sits well above the median and the largest far above both. Regions
    // are named afresh each run, so the draw differs: with about 360 companies the largest is
    // above ten medians in 98.5% of draws and above five in all but about 2 in a billion.
    expect(Number(aum!.mean)).toBeGreaterThan(Number(aum!.median) * 1.3);
    expect(Number(aum!.max)).toBeGreaterThan(Number(aum!.median) * 5);
    const [value] = await read(
      'MATCH (c:COMPANY)-[o:OWNS]->(:PRODUCT) WHERE c.region IN $regions ' +
        'RETURN percentileCont(o.value, 0.5) AS median, avg(o.value) AS mean',
    );
    expect(Number(value!.mean)).toBeGreaterThan(Number(value!.median) * 1.2);
  });

  it.each(SIZE_TABLE)(
    'with defaults, %i consultants per region write about %i nodes and %i relationships (±25%%)',
    { timeout: 300_000 },
    async (consultants, nodes, relationships) => {
      const result = await generate({ consultants_per_region: consultants, seed: consultants });
      const [counted] = await read(
        'MATCH (n) WHERE n.region IN $regions ' +
          'OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships',
      );
      expect(Number(counted!.nodes)).toBe(result.total_nodes);
      expect(Number(counted!.relationships)).toBe(result.total_relationships);
      expect(Number(counted!.nodes) / nodes).toBeGreaterThanOrEqual(0.75);
      expect(Number(counted!.nodes) / nodes).toBeLessThanOrEqual(1.25);
      expect(Number(counted!.relationships) / relationships).toBeGreaterThanOrEqual(0.75);
      expect(Number(counted!.relationships) / relationships).toBeLessThanOrEqual(1.25);
    },
  );
});
