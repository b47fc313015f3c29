/**
 * Custom Cypher against the real database: a corpus of write attempts refused in the default
 * read-only mode with nothing changed, parameterised reads, value conversion, the row cap, the
 * time limit, error messages, and writes when the server allows them.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { QueryRequest, RegionGraphInput, type QueryInput } from '../../../src/shared/api';
import { freePort } from '../../../src/main/db/managed/server';
import { regionOperations } from '../../../src/main/services/graph/region';
import { createQueryService } from '../../../src/main/services/query';

type QueryService = ReturnType<typeof createQueryService>;
import type { FixtureIds } from '../../fixtures/filter-graph';
import { testDatabase, testSettings } from '../../support/db';
import { serviceDeps, useFilterGraph } from './deps';

let driver: Driver;
let service: QueryService;
let ids: FixtureIds;
let A: string;

useFilterGraph((fixture) => {
  ({ driver, ids, A } = fixture);
  service = createQueryService(fixture.deps);
});

const run = (input: QueryInput, on: QueryService = service) =>
  on.runQuery(QueryRequest.parse(input));

/** Everything a write could change: data, schema, users, databases, labels. */
async function databaseState(): Promise<Record<string, number>> {
  const { database } = testDatabase();
  const count = async (query: string, db = database): Promise<number> => {
    const { records } = await driver.executeQuery(query, {}, { database: db, routing: 'READ' });
    return records.length === 1 && records[0]?.has('n')
      ? Number(records[0].get('n'))
      : records.length;
  };
  return {
    nodes: await count('MATCH (n) RETURN count(n) AS n'),
    relationships: await count('MATCH ()-[r]->() RETURN count(r) AS n'),
    properties: await count(
      'MATCH (n) WHERE n.region IN $r RETURN sum(size(keys(n))) AS n'.replace('$r', `['${A}']`),
    ),
    labels: await count('CALL db.labels() YIELD label RETURN label'),
    indexes: await count('SHOW INDEXES'),
    constraints: await count('SHOW CONSTRAINTS'),
    users: await count('SHOW USERS', 'system'),
    databases: await count('SHOW DATABASES', 'system'),
  };
}

const WRITE_ATTEMPTS = [
  "CREATE (n:CONSULTANT {id: 'intruder', region: $region}) RETURN n",
  "MERGE (n:COMPANY {id: 'intruder', region: $region})",
  "MATCH (n:CONSULTANT {region: $region}) SET n.name = 'changed'",
  'MATCH (n:CONSULTANT {region: $region}) SET n:INTRUDER',
  'MATCH (n:CONSULTANT {region: $region}) REMOVE n.name',
  'MATCH (n:PRODUCT {region: $region}) WHERE NOT (n)--() DELETE n',
  'MATCH (n {region: $region}) DETACH DELETE n',
  'MATCH ()-[r:RATES]->() DELETE r',
  "FOREACH (i IN [1, 2] | CREATE (:CONSULTANT {id: 'loop' + i}))",
  'MATCH (n {region: $region}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1 ROWS',
  "UNWIND range(1, 3) AS i CALL (i) { CREATE (:CONSULTANT {id: 'batch' + i}) } IN TRANSACTIONS",
  "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
  "LOAD CSV WITH HEADERS FROM 'https://example.com/x.csv' AS row CREATE (:CONSULTANT {id: row.id})",
  'CREATE INDEX intruder_index IF NOT EXISTS FOR (n:CONSULTANT) ON (n.email)',
  'CREATE CONSTRAINT intruder_unique IF NOT EXISTS FOR (n:COMPANY) REQUIRE n.name IS UNIQUE',
  'DROP INDEX node_name_fulltext',
  "CREATE USER intruder SET PASSWORD 'intruder-password-1'",
  'DROP USER neo4j_missing IF EXISTS',
  'CREATE DATABASE intruder',
  'STOP DATABASE neo4j',
  "CALL db.createLabel('INTRUDER')",
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  "PROFILE CREATE (:CONSULTANT {id: 'profiled'})",
  "CYPHER 5 CREATE (:CONSULTANT {id: 'versioned'})",
];

describe('custom Cypher, read-only by default', () => {
  it('refuses every write attempt and leaves the database as it was', async () => {
    const before = await databaseState();
    for (const query of WRITE_ATTEMPTS) {
      const error = await run({ query, parameters: { region: A } }).catch((e: unknown) => e);
      expect(error, query).toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
      expect((error as Error).message, query).toContain('ALLOW_WRITE_QUERIES');
    }
    expect(await databaseState()).toEqual(before);
  });

  it('refuses writes even when the request asks for write access', async () => {
    const error = await run({ query: 'CREATE (:CONSULTANT)', read_only: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
  });

  it('runs parameterised reads, with nodes as rows and as a graph', async () => {
    const result = await run({
      query: 'MATCH (c:CONSULTANT {region: $region}) RETURN c, c.name AS name ORDER BY c.id',
      parameters: { region: A },
    });
    expect(result.columns).toEqual(['c', 'name']);
    expect(result.rows.map((row) => row.name)).toEqual(['Alice Anders', 'Bruno Berg']);
    expect(result.rows[0]?.c).toMatchObject({
      key: `CONSULTANT:${ids.C1}`,
      labels: ['CONSULTANT'],
      properties: { id: ids.C1, region: A },
    });
    expect(result.graph?.nodes.map((n) => n.id)).toEqual([ids.C1, ids.C2]);
    expect(result.summary).toMatchObject({ query_type: 'read', row_count: 2, truncated: false });
  });

  it('runs the seed README sample queries unchanged', async () => {
    const samples = [
      "MATCH (c:CONSULTANT {region: 'NAI'}) RETURN c",
      'MATCH (fc:FIELD_CONSULTANT)-[r:COVERS {level_of_influence: 4}]->(comp:COMPANY) RETURN fc, r, comp',
      "MATCH (c:CONSULTANT)-[r:RATES {rating: 'Positive'}]->(p:PRODUCT) RETURN c.name, p.name, p.asset_class",
      "MATCH (comp:COMPANY)-[r:OWNS {mandate_status: 'At Risk'}]->(p:PRODUCT) RETURN comp.name, p.name, r.value",
    ];
    for (const query of samples) {
      const result = await run({ query });
      expect(result.summary.query_type, query).toBe('read');
    }
    // The fixture's influence-4 coverage F1 → CO1 is among the second query's rows.
    const covers = await run({ query: samples[1] ?? '' });
    expect(covers.graph?.relationships.map((r) => r.source)).toContain(
      `FIELD_CONSULTANT:${ids.F1}`,
    );
  });

  it('completes the graph with the ends of returned relationships and paths', async () => {
    const rels = await run({
      query: 'MATCH (:CONSULTANT {region: $region})-[r:RATES]->() RETURN r',
      parameters: { region: A },
    });
    // C1 rates P1 and P2, C2 rates P1 and P3: four relationships over five nodes.
    expect(rels.graph?.relationships).toHaveLength(4);
    expect(rels.graph?.nodes).toHaveLength(5);
    const paths = await run({
      query: 'MATCH p = (:CONSULTANT {id: $id})-[:EMPLOYS]->() RETURN p',
      parameters: { id: ids.C1 },
    });
    expect(paths.graph?.nodes).toHaveLength(3);
    expect(paths.graph?.relationships.map((r) => r.type)).toEqual(['EMPLOYS', 'EMPLOYS']);
    const path = paths.rows[0]?.p as { nodes: unknown[]; relationships: unknown[] };
    expect([path.nodes.length, path.relationships.length]).toEqual([2, 1]);
  });

  it('converts integers, temporal and spatial values predictably', async () => {
    const result = await run({
      query: `RETURN $n + 1 AS next, $x * 2 AS double, date('2024-02-29') AS d,
        datetime('2024-01-02T03:04:05Z') AS dt, duration('P1DT2H') AS du, localtime('12:30') AS lt,
        point({x: 1, y: 2}) AS pt, point({longitude: 1, latitude: 2, height: 3}) AS p3,
        9007199254740993 AS big, [1, 2] AS list, {a: 1} AS map, null AS nothing`,
      parameters: { n: 41, x: 1.5 },
    });
    expect(result.rows[0]).toEqual({
      next: 42,
      double: 3,
      d: '2024-02-29',
      dt: '2024-01-02T03:04:05Z',
      du: 'P1DT2H',
      lt: '12:30:00',
      pt: { srid: 7203, x: 1, y: 2 },
      p3: { srid: 4979, x: 1, y: 2, z: 3 },
      big: '9007199254740993',
      list: [1, 2],
      map: { a: 1 },
      nothing: null,
    });
    expect(result.graph).toBeNull();
    const limited = await run({
      query: 'UNWIND range(1, 10) AS i RETURN i LIMIT $n',
      parameters: { n: 3 },
    });
    expect(limited.rows).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }]);
  });

  it('stops pulling rows at the cap and says so', async () => {
    const capped = await run({ query: 'UNWIND range(1, 100000) AS i RETURN i', limit: 10 });
    expect(capped.rows).toHaveLength(10);
    expect(capped.summary).toMatchObject({ row_count: 10, truncated: true });
    const exact = await run({ query: 'UNWIND range(1, 10) AS i RETURN i', limit: 10 });
    expect(exact.summary.truncated).toBe(false);
    // The configured cap bounds what a request may ask for.
    const small = createQueryService(serviceDeps(driver, { QUERY_ROW_CAP: '5' }));
    const bounded = await run({ query: 'UNWIND range(1, 100) AS i RETURN i', limit: 50 }, small);
    expect(bounded.rows).toHaveLength(5);
    expect(bounded.summary.truncated).toBe(true);
  });

  it('stops a query over its time limit and reports QUERY_TIMEOUT', async () => {
    const slow = 'UNWIND range(1, 2000000000) AS i WITH i WHERE i = -1 RETURN count(*) AS n';
    const started = Date.now();
    await expect(run({ query: slow, timeout_ms: 300 })).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
      message: 'The query did not finish within its time limit of 300 ms and was stopped.',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    // The configured limit bounds what a request may ask for.
    const strict = createQueryService(serviceDeps(driver, { QUERY_TIMEOUT_MS: '300' }));
    await expect(run({ query: slow, timeout_ms: 600_000 }, strict)).rejects.toMatchObject({
      code: 'QUERY_TIMEOUT',
    });
  });

  it('explains errors in the query in one short line', async () => {
    const syntax = await run({ query: 'MATCH (n) RETRUN n' }).catch((e: unknown) => e);
    expect(syntax).toMatchObject({ code: 'UNPROCESSABLE' });
    expect((syntax as Error).message).toMatch(/^Invalid input 'RETRUN'/);
    expect((syntax as Error).message).not.toContain('\n');
    await expect(run({ query: 'RETURN $missing' })).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: 'Expected parameter(s): missing',
    });
    await expect(run({ query: 'RETURN 1 / 0' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
  });
});

describe('custom Cypher with writes allowed', () => {
  const writable = () =>
    createQueryService(serviceDeps(driver, { ALLOW_WRITE_QUERIES: 'true', REGIONS: A }));

  it('writes only when the request sets read_only: false', async () => {
    const query = 'CREATE (n:CONSULTANT {id: $id, name: $id, region: $region}) RETURN n';
    const parameters = { id: `${A}-W1`, region: A };
    const refused = await run({ query, parameters }, writable()).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
    expect((refused as Error).message).toContain('"read_only": false');
    const written = await run({ query, parameters, read_only: false }, writable());
    expect(written.summary.counters).toMatchObject({ nodesCreated: 1, propertiesSet: 3 });
    expect(written.graph?.nodes.map((n) => n.id)).toEqual([`${A}-W1`]);
  });

  it('runs CALL { } IN TRANSACTIONS', async () => {
    const result = await run(
      {
        query: `UNWIND range(1, 3) AS i
          CALL (i) { CREATE (:CONSULTANT {id: $region + '-B' + i, region: $region}) } IN TRANSACTIONS OF 1 ROWS`,
        parameters: { region: A },
        read_only: false,
      },
      writable(),
    );
    expect(result.summary.counters).toMatchObject({ nodesCreated: 3 });
  });
});

describe('database unreachable', () => {
  it('reports DATABASE_UNAVAILABLE from every service', async () => {
    const port = await freePort();
    const settings = testSettings({
      uri: `bolt://127.0.0.1:${port}`,
      connectTimeout: 2_000,
      connectionAcquisitionTimeout: 2_000,
    });
    // Reads retry for the driver's maxTransactionRetryTime (30 s by default): kept short here.
    const down = neo4j.driver(
      settings.uri,
      neo4j.auth.basic(settings.username, settings.password),
      {
        maxTransactionRetryTime: 1_000,
        connectionTimeout: 2_000,
      },
    );
    try {
      const deps = serviceDeps(down, { NEO4J_URI: settings.uri, REGIONS: A });
      await expect(run({ query: 'RETURN 1' }, createQueryService(deps))).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        message: `Neo4j is unreachable at ${settings.uri} (NEO4J_URI).`,
      });
      await expect(
        regionOperations(deps).getRegionGraph(RegionGraphInput.parse({ region: A })),
      ).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await down.close();
    }
  });
});
