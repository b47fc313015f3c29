/**
 * The managed Neo4j of the proofs: a temporary data folder, one Bolt port kept across restarts
 * (so a restarted database answers where the server expects it), and direct counts for "nothing
 * was written" checks.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { resolveAppPaths } from '../../../src/main/config/paths';
import {
  freePort,
  startManaged,
  stopManaged,
  type ManagedInstance,
} from '../../../src/main/db/managed/server';

export type ProofDb = {
  uri: string;
  username: string;
  password: string;
  dataDir: string;
  driver: Driver;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  counts: () => Promise<{ nodes: number; relationships: number }>;
};

export async function startProofDb(
  dataDir: string,
  memory: { heapMax: string; pageCache: string } = { heapMax: '1g', pageCache: '256m' },
): Promise<ProofDb> {
  const { cacheDir } = resolveAppPaths({
    SMART_NETWORK_CACHE_DIR: process.env.SMART_NETWORK_CACHE_DIR,
  });
  const boltPort = await freePort();
  const options = { dataDir, cacheDir, boltPort, ...memory };
  let instance: ManagedInstance = await startManaged(options);
  const db: ProofDb = {
    uri: instance.uri,
    ...instance.credentials,
    dataDir,
    driver: neo4j.driver(
      instance.uri,
      neo4j.auth.basic(instance.credentials.username, instance.credentials.password),
    ),
    start: async () => {
      instance = await startManaged(options);
      if (instance.uri !== db.uri)
        throw new Error(`Neo4j restarted on ${instance.uri}, not ${db.uri}`);
    },
    stop: async () => {
      await stopManaged(dataDir);
    },
    counts: async () => {
      const { records } = await db.driver.executeQuery(
        'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
        {},
        { routing: 'READ' },
      );
      return {
        nodes: Number(records[0]?.get('nodes')),
        relationships: Number(records[0]?.get('rels')),
      };
    },
  };
  return db;
}
