/** What the generation, clear, stats and CLI tests share: service deps on the test database,
 * a canonical dump of regions and whole-database counts. */
import neo4j, { type Driver } from 'neo4j-driver';
import pino from 'pino';
import { parseConfig, type Config } from '../../../src/main/config/env';
import type { ServiceDeps } from '../../../src/main/services/types';
import { testDatabase, testTarget } from '../../support/db';

function testConfig(regions: string[], overrides: Record<string, string> = {}): Config {
  const db = testDatabase();
  return parseConfig({
    NEO4J_URI: db.uri,
    NEO4J_USERNAME: db.username,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
    REGIONS: regions.join(','),
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}

export function testDeps(
  driver: Driver,
  regions: string[],
  overrides: Record<string, string> = {},
): ServiceDeps {
  return {
    driver,
    database: testDatabase().database,
    config: testConfig(regions, overrides),
    logger: pino({ level: 'silent' }),
    target: testTarget(),
  };
}

/** Environment for running the CLI against the test database. */
export function cliEnv(regions: string[], extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const db = testDatabase();
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NEO4J_URI: db.uri,
    NEO4J_USERNAME: db.username,
    NEO4J_PASSWORD: db.password,
    NEO4J_DATABASE: db.database,
    REGIONS: regions.join(','),
    LOG_LEVEL: 'silent',
    ...extra,
  };
}

const plain = (value: unknown): unknown => {
  if (neo4j.isInt(value)) return { int: value.toNumber() };
  if (neo4j.isDate(value)) return { date: value.toString() };
  if (Array.isArray(value)) return value.map(plain);
  return value;
};

const plainProps = (props: Record<string, unknown>, drop: string[] = []) =>
  Object.fromEntries(
    Object.entries(props)
      .filter(([key]) => !drop.includes(key))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => [key, plain(value)]),
  );

/** Every node and relationship of the regions, sorted, with typed values; no generation stamp. */
export async function canonicalDump(driver: Driver, regions: string[], keepStamp = false) {
  const database = testDatabase().database;
  const drop = keepStamp ? [] : ['generation_id'];
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE n.region IN $regions RETURN labels(n) AS labels, properties(n) AS props',
    { regions },
    { database },
  );
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) WHERE a.region IN $regions OR b.region IN $regions ' +
      'RETURN type(r) AS type, labels(a)[0] + ":" + a.id AS source, labels(b)[0] + ":" + b.id AS target, properties(r) AS props',
    { regions },
    { database },
  );
  const key = (value: unknown) => JSON.stringify(value);
  return {
    nodes: nodes.records
      .map((r) => ({
        labels: r.get('labels') as string[],
        props: plainProps(r.get('props') as Record<string, unknown>, drop),
      }))
      .sort((a, b) => key(a).localeCompare(key(b))),
    relationships: rels.records
      .map((r) => ({
        type: String(r.get('type')),
        source: String(r.get('source')),
        target: String(r.get('target')),
        props: plainProps(r.get('props') as Record<string, unknown>),
      }))
      .sort((a, b) => key(a).localeCompare(key(b))),
  };
}

/** Whole-database counts: the measure of "exactly as before". */
export async function databaseCounts(
  driver: Driver,
): Promise<{ nodes: number; relationships: number }> {
  const database = testDatabase().database;
  const { records } = await driver.executeQuery(
    'CALL () { MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
    {},
    { database },
  );
  return {
    nodes: Number(records[0]?.get('nodes')),
    relationships: Number(records[0]?.get('relationships')),
  };
}

export async function countInRegions(driver: Driver, regions: string[]): Promise<number> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WHERE n.region IN $regions RETURN count(n) AS count',
    { regions },
    { database: testDatabase().database },
  );
  return Number(records[0]?.get('count'));
}
