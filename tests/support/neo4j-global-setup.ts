/**
 * Starts the database for the integration tests once per run: the one named by NEO4J_URI when
 * set, else the managed Neo4j on a free port with a temporary data folder (artifacts come from
 * the user cache, so only the first run on a machine downloads them). NEO4J_TEST_SCHEME=neo4j
 * runs every test through the routing driver (`neo4j://`) instead of a direct `bolt://` one;
 * tests/integration/scale does so whatever the scheme.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/main/config/env';
import { resolveAppPaths } from '../../src/main/config/paths';
import { startManaged } from '../../src/main/db/managed/server';
import type { TestDatabase } from './db';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  if (config.NEO4J_URI) {
    const database: TestDatabase = {
      uri: config.NEO4J_URI,
      username: config.NEO4J_USERNAME,
      password: config.NEO4J_PASSWORD ?? '',
      database: config.NEO4J_DATABASE,
      disposable: false,
    };
    project.provide('neo4j', database);
    console.log(`Integration tests use the configured Neo4j at ${config.NEO4J_URI}.`);
    return () => Promise.resolve();
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'smart-network-test-'));
  const { cacheDir } = resolveAppPaths(config);
  const instance = await startManaged({
    dataDir,
    cacheDir,
    boltPort: 0,
    heapMax: '768m',
    pageCache: '256m',
  });
  console.log(
    `Neo4j ${instance.version} for tests started in ${instance.startSeconds.toFixed(1)} s ` +
      `(${instance.downloaded ? 'artifacts downloaded' : 'artifacts from cache'}) at ${instance.uri}`,
  );
  const scheme = process.env.NEO4J_TEST_SCHEME ?? 'bolt';
  if (scheme !== 'bolt' && scheme !== 'neo4j')
    throw new Error(`NEO4J_TEST_SCHEME must be bolt or neo4j, not ${scheme}`);
  const database: TestDatabase = {
    uri: instance.uri.replace(/^bolt:/, `${scheme}:`),
    ...instance.credentials,
    database: 'neo4j',
    disposable: true,
    dataDir,
  };
  project.provide('neo4j', database);
  return async () => {
    await instance.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
