/**
 * Coverage gaps: companies with at-risk mandates that no one covers at level 4, and products
 * rated Positive that no company of their region owns. Largest first, capped.
 */
import type { CoverageGaps } from '../../shared/api';
import { isNode } from 'neo4j-driver';
import { toGraphNode } from '../db/mapping';
import { assertRegionsConfigured } from './regions';
import { int, numberOf, readTransaction } from './graph/read';
import type { Handlers, ServiceDeps } from './types';

const AT_RISK = `MATCH (co:COMPANY)-[o:OWNS {mandate_status: 'At Risk'}]->()
WHERE ($regions IS NULL OR co.region IN $regions)
  AND NOT EXISTS { (co)<-[:COVERS {level_of_influence: 4}]-() }
WITH co, count(o) AS mandates, sum(coalesce(o.value, o.commitment_market_value, 0)) AS value
RETURN co AS node, mandates, value
ORDER BY value DESC, co.id
LIMIT $limit`;

const POSITIVE_UNOWNED = `MATCH (c:CONSULTANT)-[:RATES {rating: 'Positive'}]->(p:PRODUCT)
WHERE ($regions IS NULL OR p.region IN $regions)
  AND NOT EXISTS { (co:COMPANY)-[:OWNS]->(p) WHERE co.region = p.region }
WITH p, count(c) AS ratings
RETURN p AS node, ratings
ORDER BY ratings DESC, p.id
LIMIT $limit`;

const nodeOf = (value: unknown) => (isNode(value) ? toGraphNode(value) : undefined);

export const coverageGapOperations = (deps: ServiceDeps) =>
  ({
    getCoverageGaps: async (input): Promise<CoverageGaps> => {
      assertRegionsConfigured(deps.config, input.regions);
      const params = { regions: input.regions ?? null, limit: int(input.limit) };
      return readTransaction(deps, async (tx) => {
        const atRisk = await tx.run(AT_RISK, params);
        const unowned = await tx.run(POSITIVE_UNOWNED, params);
        return {
          at_risk_without_level_4: atRisk.records.flatMap((r) => {
            const node = nodeOf(r.get('node'));
            return node
              ? [{ node, mandates: numberOf(r.get('mandates')), value: numberOf(r.get('value')) }]
              : [];
          }),
          positive_unowned: unowned.records.flatMap((r) => {
            const node = nodeOf(r.get('node'));
            return node ? [{ node, positive_ratings: numberOf(r.get('ratings')) }] : [];
          }),
        };
      });
    },
  }) satisfies Partial<Handlers>;
