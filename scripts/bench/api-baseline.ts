/**
 * The API benchmark's baseline: the services' own Cypher text and parameters, run directly with
 * `driver.executeQuery` in this process, with a minimal mapping of the records to plain objects
 * (no schema checks, no HTTP, no JSON text).
 */
import neo4j, { isInt, isNode, isRelationship, type Driver, type Node } from 'neo4j-driver';
import {
  regionAllNodesQuery,
  regionAllRelationshipsQuery,
  regionNodeCountQuery,
  regionNodesQuery,
  regionRelationshipCountQuery,
  regionRelationshipsQuery,
} from '../../src/main/db/cypher/region';
import { filterAnchoredQuery } from '../../src/main/db/cypher/filter';
import { labelDepths } from '../../src/main/db/cypher/modes';
import { OPTION_COLUMNS, optionsQuery } from '../../src/main/db/cypher/options';
import { filterParameters, setFields } from '../../src/main/services/graph/filter-fields';
import { anchorsToRead } from '../../src/main/services/graph/read';
import { buildFilterOptions, type OptionRow } from '../../src/main/services/options/build';
import { createStatsService } from '../../src/main/services/stats';
import type { Config } from '../../src/main/config/env';
import type { FilterRequest } from '../../src/shared/api';
import type { GraphMode } from '../../src/shared/domain';

export type PlainGraph = { nodes: unknown[]; relationships: unknown[]; total: number };

const plain = (value: unknown): unknown =>
  isInt(value) ? value.toNumber() : Array.isArray(value) ? value.map(plain) : value;

function plainProperties(properties: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) out[key] = plain(value);
  return out;
}

function mapGraph(nodeValues: unknown[], relValues: unknown[], total: number): PlainGraph {
  const nodes = nodeValues.filter((v): v is Node => isNode(v));
  const kept = new Set(nodes.map((n) => n.elementId));
  return {
    nodes: nodes.map((n) => ({
      id: n.elementId,
      labels: n.labels,
      properties: plainProperties(n.properties),
    })),
    relationships: relValues
      .filter((r) => isRelationship(r))
      .filter((r) => kept.has(r.startNodeElementId) && kept.has(r.endNodeElementId))
      .map((r) => ({
        id: r.elementId,
        type: r.type,
        source: r.startNodeElementId,
        target: r.endNodeElementId,
        properties: plainProperties(r.properties),
      })),
    total,
  };
}

export type Baseline = {
  region: (region: string, mode: GraphMode, limit: number) => Promise<PlainGraph>;
  filter: (filter: FilterRequest, limit: number) => Promise<PlainGraph>;
  options: (region: string) => Promise<unknown>;
  stats: () => Promise<unknown>;
};

export function createBaseline(driver: Driver, database: string, config: Config): Baseline {
  const read = { database, routing: neo4j.routing.READ };
  const run = (cypher: string, params: Record<string, unknown>) =>
    driver.executeQuery(cypher, params, read);
  // The stats service is already direct executeQuery calls with plain mapping.
  const stats = createStatsService({ driver, database, config });

  return {
    async region(region, mode, limit) {
      const counted = await run(regionNodeCountQuery(mode), { region });
      const total = Number(plain(counted.records[0]?.get('total')));
      if (total <= limit) {
        const nodes = await run(regionAllNodesQuery(mode), { region });
        const rels = await run(regionAllRelationshipsQuery(mode), { region });
        return mapGraph(
          nodes.records.map((r) => r.get('n') as unknown),
          rels.records.map((r) => r.get('r') as unknown),
          total,
        );
      }
      const nodeRows = await run(regionNodesQuery(mode), { region, limit: neo4j.int(limit) });
      const nodes = (nodeRows.records[0]?.get('nodes') as unknown[] | undefined) ?? [];
      const ids = nodes.filter((n): n is Node => isNode(n)).map((n) => n.elementId);
      const rels = await run(regionRelationshipsQuery(mode), { region, ids });
      await run(regionRelationshipCountQuery(mode), { region });
      return mapGraph(
        nodes,
        rels.records.map((r) => r.get('r') as unknown),
        total,
      );
    },
    async filter(filter, limit) {
      const fields = setFields(filter);
      const depths = labelDepths(
        filter.mode,
        filter.node_types?.length ? filter.node_types : undefined,
      );
      const params = {
        ...filterParameters(filter, fields),
        depths: depths.map((d) => neo4j.int(d)),
        limit: neo4j.int(limit),
        // The service's first batch of roots: on the benchmark's data, all of them.
        anchors: neo4j.int(anchorsToRead(limit)),
      };
      const { records } = await run(filterAnchoredQuery(filter.mode, fields), params);
      const row = records[0];
      return mapGraph(
        (row?.get('nodes') as unknown[] | undefined) ?? [],
        (row?.get('rels') as unknown[] | undefined) ?? [],
        Number(plain(row?.get('reached'))),
      );
    },
    async options(region) {
      const { records } = await run(optionsQuery(true), { region });
      const row: OptionRow = {};
      for (const column of OPTION_COLUMNS) row[column] = records[0]?.get(column);
      return buildFilterOptions(row);
    },
    stats: () => stats.getStats(),
  };
}
