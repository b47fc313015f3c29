/**
 * The statistics dashboard's aggregates, computed in the database over the regions asked for
 * (all when none is): mandates by status and region, ratings by asset class, how many companies
 * each consultant covers, and the top consultants and companies.
 */
import type { Distributions } from '../../shared/api';
import { isNode } from 'neo4j-driver';
import { toGraphNode } from '../db/mapping';
import { assertRegionsConfigured } from './regions';
import { int, numberOf, readTransaction } from './graph/read';
import type { Handlers, ServiceDeps } from './types';

const mandatesBy = (key: string) => `MATCH (co:COMPANY)-[o:OWNS]->(:PRODUCT)
WHERE $regions IS NULL OR co.region IN $regions
RETURN ${key} AS key, count(o) AS count, sum(coalesce(o.value, 0)) AS value
ORDER BY key`;

const RATINGS = `MATCH (:CONSULTANT)-[r:RATES]->(p:PRODUCT)
WHERE $regions IS NULL OR p.region IN $regions
RETURN p.asset_class AS asset_class, r.rating AS rating, count(r) AS count
ORDER BY asset_class, rating`;

/** Companies covered by each consultant, directly or through its field consultants. */
const COVERAGE = `MATCH (c:CONSULTANT)
WHERE $regions IS NULL OR c.region IN $regions
WITH c, COUNT {
  MATCH (c)-[:COVERS]->(co:COMPANY) RETURN co
  UNION
  MATCH (c)-[:EMPLOYS]->(:FIELD_CONSULTANT)-[:COVERS]->(co:COMPANY) RETURN co
} AS companies`;

const COVERAGE_HISTOGRAM = `${COVERAGE}
RETURN companies, count(c) AS consultants
ORDER BY companies`;

const TOP_CONSULTANTS = `${COVERAGE}
RETURN c AS node, companies
ORDER BY companies DESC, c.id
LIMIT $top`;

const TOP_COMPANIES = `MATCH (co:COMPANY)
WHERE ($regions IS NULL OR co.region IN $regions) AND co.aum IS NOT NULL
RETURN co AS node, co.aum AS aum
ORDER BY co.aum DESC, co.id
LIMIT $top`;

const nodeOf = (value: unknown) => (isNode(value) ? toGraphNode(value) : undefined);

export const distributionOperations = (deps: ServiceDeps) =>
  ({
    getDistributions: async (input): Promise<Distributions> => {
      assertRegionsConfigured(deps.config, input.regions);
      const params = { regions: input.regions ?? null, top: int(input.top) };
      return readTransaction(deps, async (tx) => {
        const rows = async (cypher: string) => (await tx.run(cypher, params)).records;
        const groups = async (key: string) =>
          (await rows(mandatesBy(key))).map((r) => ({
            key: String(r.get('key')),
            count: numberOf(r.get('count')),
            value: numberOf(r.get('value')),
          }));
        const byStatus = await groups('o.mandate_status');
        const byRegion = await groups('co.region');
        const ratings = await rows(RATINGS);
        const coverage = await rows(COVERAGE_HISTOGRAM);
        const consultants = await rows(TOP_CONSULTANTS);
        const companies = await rows(TOP_COMPANIES);
        return {
          mandates_by_status: byStatus.map(({ key, ...g }) => ({ status: key, ...g })),
          mandates_by_region: byRegion.map(({ key, ...g }) => ({ region: key, ...g })),
          ratings_by_asset_class: ratings.map((r) => ({
            asset_class: String(r.get('asset_class')),
            rating: String(r.get('rating')),
            count: numberOf(r.get('count')),
          })),
          coverage_per_consultant: coverage.map((r) => ({
            companies: numberOf(r.get('companies')),
            consultants: numberOf(r.get('consultants')),
          })),
          top_consultants: consultants.flatMap((r) => {
            const node = nodeOf(r.get('node'));
            return node ? [{ node, companies: numberOf(r.get('companies')) }] : [];
          }),
          top_companies: companies.flatMap((r) => {
            const node = nodeOf(r.get('node'));
            return node ? [{ node, aum: numberOf(r.get('aum')) }] : [];
          }),
        };
      });
    },
  }) satisfies Partial<Handlers>;
