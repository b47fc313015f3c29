/**
 * Database statistics: node counts per label, relationship counts per type (both from Neo4j's
 * count store), nodes per region and label, the store size when it can be known, and the last
 * generation run.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { StatsResponse } from '../../shared/api';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../shared/domain';
import type { Config } from '../config/env';
import { resolveAppPaths } from '../config/paths';
import { managedHome } from '../db/managed/server';
import { lastGeneration } from './generation/record';
import { METADATA_LABELS } from './metadata';
import type { Handlers, ServiceDeps } from './types';

async function count(driver: Driver, database: string, cypher: string): Promise<number> {
  const { records } = await driver.executeQuery(cypher, {}, { database, routing: 'READ' });
  return Number(records[0]?.get('count') ?? 0);
}

async function directorySize(path: string): Promise<number> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? await directorySize(full) : (await stat(full)).size;
  }
  return total;
}

/**
 * Neo4j Community reports no store size over Bolt, but the managed database's files are ours
 * to measure. For a database configured by NEO4J_URI the size is unknown (null).
 */
async function storeSize(config: Config, database: string): Promise<number | null> {
  if (config.NEO4J_URI) return null;
  const data = join(managedHome(resolveAppPaths(config).dataDir), 'data');
  const size =
    (await directorySize(join(data, 'databases', database))) +
    (await directorySize(join(data, 'transactions', database)));
  return size > 0 ? size : null;
}

async function regionCounts(driver: Driver, database: string) {
  const byRegion = new Map<string, Record<string, number>>();
  for (const label of NODE_LABELS) {
    const { records } = await driver.executeQuery(
      `MATCH (n:${label}) WHERE n.region IS NOT NULL RETURN n.region AS region, count(*) AS count`,
      {},
      { database, routing: 'READ' },
    );
    for (const record of records) {
      const region = String(record.get('region'));
      const counts = byRegion.get(region) ?? {};
      counts[label] = Number(record.get('count'));
      byRegion.set(region, counts);
    }
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, nodesByLabel]) => ({
      region,
      nodes: Object.values(nodesByLabel).reduce((a, b) => a + b, 0),
      nodes_by_label: nodesByLabel,
    }));
}

export function createStatsService(deps: Pick<ServiceDeps, 'driver' | 'database' | 'config'>) {
  const { driver, database } = deps;
  return {
    async getStats(): Promise<StatsResponse> {
      const nodesByLabel: Record<string, number> = {};
      for (const label of NODE_LABELS)
        nodesByLabel[label] = await count(
          driver,
          database,
          `MATCH (n:${label}) RETURN count(n) AS count`,
        );
      const relationshipsByType: Record<string, number> = {};
      for (const type of RELATIONSHIP_TYPES)
        relationshipsByType[type] = await count(
          driver,
          database,
          `MATCH ()-[r:${type}]->() RETURN count(r) AS count`,
        );
      // Generation records and the audit log are metadata, not part of the network; each count
      // comes from the count store.
      const allNodes = await count(driver, database, 'MATCH (n) RETURN count(n) AS count');
      let records = 0;
      for (const label of METADATA_LABELS)
        records += await count(driver, database, `MATCH (n:${label}) RETURN count(n) AS count`);
      return {
        total_nodes: allNodes - records,
        total_relationships: await count(
          driver,
          database,
          'MATCH ()-[r]->() RETURN count(r) AS count',
        ),
        nodes_by_label: nodesByLabel,
        relationships_by_type: relationshipsByType,
        regions: await regionCounts(driver, database),
        database_size_bytes: await storeSize(deps.config, database),
        last_generation: await lastGeneration(driver, database),
      };
    },
  } satisfies Partial<Handlers>;
}
