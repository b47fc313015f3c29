/**
 * `npm run bench:view-scale [-- --allow-clear] [--limit 2000] [--iterations 9] [--large 7600]`
 *
 * Does the server cost of a capped view grow with the cap or with the database? The same capped
 * region view and the seed's filter example (at the cap, and at a fifth of it, where the small
 * database's view is cut too), over HTTP with the read cache disabled, as the app
 * asks them (`totals: none`: a truncated view counts nothing) and with exact totals, on a
 * database of 200 consultants per region (three regions, about 26,000 relationships) and on one
 * of `--large` consultants per region (about 1,000,000 relationships), both generated here in
 * the benchmark's own managed Neo4j. Each is timed beside the minimal Cypher through the driver
 * for the very nodes and relationships the view returned (looked up by element id), and beside
 * the count queries that the view's totals cost (the estimate's Cypher). Also the database hits
 * of the view's node query (PROFILE), which show where the limit applies. Prints p50s and the
 * ratios large/small (goal ≤ 1.5 for the app's request). Results also go to
 * bench-results/view-scale.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { startApiServer, type ApiServer } from '../../src/main/api/server';
import { assembleBackend } from '../../src/main/backend';
import type { ReadCache } from '../../src/main/cache/types';
import type { Config } from '../../src/main/config/env';
import type { Database } from '../../src/main/db/connection';
import { filterAnchoredQuery, filterCountQuery } from '../../src/main/db/cypher/filter';
import { labelDepths } from '../../src/main/db/cypher/modes';
import {
  regionAnchoredNodesQuery,
  regionNodeCountQuery,
  regionRelationshipCountQuery,
} from '../../src/main/db/cypher/region';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { filterParameters, setFields } from '../../src/main/services/graph/filter-fields';
import { anchorsToRead } from '../../src/main/services/graph/read';
import { FilterRequest, GenerateRequest, GraphResponse } from '../../src/shared/api';
import { runMain } from '../run-main';
import { fmt, percentiles, timeHttp, timeTask, type HttpCall } from './api-measure';
import { openBenchDatabase } from './generate-db';

const flag = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const limit = flag('--limit', 2_000);
const iterations = flag('--iterations', 9);
const largeConsultants = flag('--large', 7_600);
const WARMUP = 3;
const REGION = 'NAI';
const SEED_FILTER = {
  regions: [REGION],
  node_types: ['CONSULTANT', 'PRODUCT'],
  mandate_statuses: ['Active'],
  ratings: ['Positive'],
};

const noCache: ReadCache = {
  kind: 'memory',
  lookup: () => Promise.resolve({ version: '0', recent: [] }),
  store: () => Promise.resolve(),
  invalidate: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

type CaseResult = {
  name: string;
  nodes: number;
  relationships: number;
  truncated: boolean;
  /** As the app asks it: `totals: none`. */
  apiP50: number;
  /** With exact totals (the REST default). */
  apiExactP50: number;
  baselineP50: number;
  countsP50: number;
  nodeQueryDbHits: number;
};

type Scenario = { consultants: number; nodes: number; relationships: number; cases: CaseResult[] };

async function dbHits(driver: Driver, database: string, cypher: string, params: object) {
  const { summary } = await driver.executeQuery(`PROFILE ${cypher}`, params, { database });
  let hits = 0;
  const walk = (plan: { dbHits: number; children: unknown[] }): void => {
    hits += plan.dbHits;
    for (const child of plan.children) walk(child as typeof plan);
  };
  if (summary.profile) walk(summary.profile);
  return hits;
}

await runMain(async () => {
  const db = await openBenchDatabase(process.argv.includes('--allow-clear'));
  console.log(`Database: ${db.description}`);
  const config: Config = {
    ...db.config,
    MAX_CONSULTANTS_PER_REGION: 100_000,
    ENVIRONMENT: 'production',
    LOG_LEVEL: 'silent',
  };
  const logger = pino({ level: 'silent' });
  const target = databaseTarget(() => db.settings);
  const deps = { driver: db.driver, database: db.database, config, logger, target };
  const database: Database = {
    driver: db.driver,
    settings: db.settings,
    info: { address: db.settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
    close: () => Promise.resolve(),
  };
  const read = { database: db.database, routing: neo4j.routing.READ };
  const run = (cypher: string, params: object) => db.driver.executeQuery(cypher, params, read);
  let server: ApiServer | undefined;
  const scenarios: Scenario[] = [];
  try {
    await setupSchema(db.driver, db.database);
    server = await startApiServer(
      assembleBackend({ db: database, config, logger, cache: noCache }),
      {
        host: '127.0.0.1',
        port: 0,
      },
    );
    const url = server.url;
    const filter = FilterRequest.parse(SEED_FILTER);
    const fields = setFields(filter);
    const filterParams = (cap: number) => ({
      ...filterParameters(filter, fields),
      depths: labelDepths(filter.mode, filter.node_types).map((d) => neo4j.int(d)),
      limit: neo4j.int(cap),
      anchors: neo4j.int(anchorsToRead(cap)),
    });
    const filterCase = (cap: number) => ({
      name: `POST /api/v1/graph/filter (seed example, limit ${cap}, totals none)`,
      call: {
        method: 'POST' as const,
        path: '/api/v1/graph/filter',
        body: { ...SEED_FILTER, limit: cap, totals: 'none' },
      },
      exact: {
        method: 'POST' as const,
        path: '/api/v1/graph/filter',
        body: { ...SEED_FILTER, limit: cap },
      },
      counts: () => run(filterCountQuery(filter.mode, fields), filterParams(cap)),
      nodeQuery: [filterAnchoredQuery(filter.mode, fields), filterParams(cap)] as [string, object],
    });
    // Each view as the app asks it (`none`) and with exact totals.
    const cases: {
      name: string;
      call: HttpCall;
      exact: HttpCall;
      counts: () => Promise<unknown>;
      nodeQuery: [string, object];
    }[] = [
      {
        name: `GET /api/v1/graph/region/${REGION}?limit=${limit}&totals=none`,
        call: { method: 'GET', path: `/api/v1/graph/region/${REGION}?limit=${limit}&totals=none` },
        exact: { method: 'GET', path: `/api/v1/graph/region/${REGION}?limit=${limit}` },
        counts: async () => {
          await run(regionNodeCountQuery('standard'), { region: REGION });
          await run(regionRelationshipCountQuery('standard'), { region: REGION });
        },
        nodeQuery: [
          regionAnchoredNodesQuery('standard'),
          {
            region: REGION,
            limit: neo4j.int(limit),
            anchors: neo4j.int(anchorsToRead(limit)),
          },
        ],
      },
      filterCase(limit),
      // At a fifth of the cap, the small database's seed filter view (435 nodes) is cut too.
      filterCase(Math.round(limit / 5)),
    ];

    const scenario = async (consultants: number): Promise<Scenario> => {
      await createClearService(deps).clearGraph({ confirm: true });
      const started = performance.now();
      const generated = await createGenerationService(deps).run(
        GenerateRequest.parse({ consultants_per_region: consultants, seed: 42 }),
      );
      console.log(
        `\n${consultants} consultants per region: ${generated.total_nodes} nodes, ` +
          `${generated.total_relationships} relationships ` +
          `(generated in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
      const results: CaseResult[] = [];
      const viewOf = async (call: HttpCall): Promise<GraphResponse> => {
        const res = await fetch(`${url}${call.path}`, {
          method: call.method,
          headers: call.body === undefined ? {} : { 'Content-Type': 'application/json' },
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
        });
        if (!res.ok) throw new Error(`${call.path}: ${res.status} ${await res.text()}`);
        return GraphResponse.parse(await res.json());
      };
      for (const c of cases) {
        const view = await viewOf(c.call);
        const exact = await viewOf(c.exact);
        const keys = (v: GraphResponse) => JSON.stringify(v.nodes.map((n) => n.key));
        if (keys(view) !== keys(exact) || view.truncated !== exact.truncated)
          throw new Error(`${c.name}: other nodes than with exact totals`);
        const idsByLabel = new Map<string, string[]>();
        for (const node of view.nodes)
          idsByLabel.set(node.label, [...(idsByLabel.get(node.label) ?? []), node.id]);
        const relIds = view.relationships.map((r) => r.key);
        // The minimal Cypher for the same nodes (by label and id) and relationships.
        const baseline = async () => {
          for (const [label, ids] of idsByLabel)
            await run(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n`, { ids });
          await run('MATCH ()-[r]->() WHERE elementId(r) IN $ids RETURN r', { ids: relIds });
        };
        const api: number[] = [];
        const apiExact: number[] = [];
        const base: number[] = [];
        const counts: number[] = [];
        for (let i = 0; i < WARMUP + iterations; i++) {
          // Alternate which goes first, so that a busy moment of the machine hits both alike.
          if (i % 2 === 1) base.push(await timeTask(baseline));
          api.push((await timeHttp(url, c.call)).ms);
          apiExact.push((await timeHttp(url, c.exact)).ms);
          if (i % 2 === 0) base.push(await timeTask(baseline));
          counts.push(await timeTask(c.counts));
        }
        const result: CaseResult = {
          name: c.name,
          nodes: view.nodes.length,
          relationships: view.relationships.length,
          truncated: view.truncated,
          apiP50: percentiles(api.slice(WARMUP)).p50,
          apiExactP50: percentiles(apiExact.slice(WARMUP)).p50,
          baselineP50: percentiles(base.slice(WARMUP)).p50,
          countsP50: percentiles(counts.slice(WARMUP)).p50,
          nodeQueryDbHits: await dbHits(db.driver, db.database, ...c.nodeQuery),
        };
        results.push(result);
        console.log(
          `  ${c.name}: ${result.nodes} nodes, ${result.relationships} relationships` +
            `${result.truncated ? ` (cut; ${exact.totals?.nodes} in the view)` : ''}\n` +
            `    API p50 ${fmt(result.apiP50)} ms (exact totals ${fmt(result.apiExactP50)} ms)` +
            ` · minimal Cypher p50 ${fmt(result.baselineP50)} ms` +
            ` · totals' count queries p50 ${fmt(result.countsP50)} ms` +
            ` · node query ${result.nodeQueryDbHits} db hits`,
        );
      }
      return {
        consultants,
        nodes: generated.total_nodes,
        relationships: generated.total_relationships,
        cases: results,
      };
    };

    const small = await scenario(200);
    scenarios.push(small);
    const large = await scenario(largeConsultants);
    scenarios.push(large);

    console.log(`\nLarge/small ratios (goal ≤ 1.5 for the API, totals none):`);
    small.cases.forEach((s, i) => {
      const l = large.cases[i];
      if (!l) return;
      const ratio = (a: number, b: number) => (a / b).toFixed(2);
      console.log(
        `  ${s.name}\n    API ${ratio(l.apiP50, s.apiP50)}` +
          ` (exact totals ${ratio(l.apiExactP50, s.apiExactP50)}) · minimal Cypher ` +
          `${ratio(l.baselineP50, s.baselineP50)} · count queries ${ratio(l.countsP50, s.countsP50)}` +
          ` · node query db hits ${ratio(l.nodeQueryDbHits, s.nodeQueryDbHits)}`,
      );
    });
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/view-scale.json',
      JSON.stringify({ database: db.description, limit, scenarios }, null, 2),
    );
  } finally {
    await server?.close();
    await db.close();
  }
});
