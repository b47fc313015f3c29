/**
 * The audit entry of an import, over HTTP against the test database: a committed import records
 * one entry (the REST client, its rows and what it created, the parameterised Cypher it ran, no
 * value of any row), and a dry run, a refused import and a cancelled job record none.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenerationService } from '../../../src/main/services/generation';
import { GenerateRequest, type GraphData } from '../../../src/shared/api';
import { AuditPage, type AuditEntry } from '../../../src/shared/audit';
import { ImportJob, ImportResult } from '../../../src/shared/import';
import { removeRegions } from '../../support/db';
import { openHarness, type Harness } from '../api/harness';
import { databaseCounts, testDeps } from '../generation/support';
import { exportFiles, regionGraph, tempDir } from './support';

const HEADER = 'id,name,region,sales_region,channel,pca,aca,privacy,aum';
const since = new Date(Date.now() - 1000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the audit entry of an import', () => {
  let h: Harness;
  let region: string;
  let graph: GraphData;
  let dir: string;
  /** The region's exported graph, under names that only this file uses. */
  let nodesFile: string;
  let edgesFile: string;

  beforeAll(async () => {
    h = await openHarness({}, { regions: 1 });
    region = h.regions[0]!;
    await createGenerationService(testDeps(h.driver, h.regions)).run(
      GenerateRequest.parse({ regions: h.regions, consultants_per_region: 2, seed: 5 }),
    );
    graph = await regionGraph(h.driver, h.regions);
    dir = tempDir();
    const files = await exportFiles(dir, graph);
    nodesFile = join(dir, `${region}-nodes.csv`);
    edgesFile = join(dir, `${region}-edges.csv`);
    copyFileSync(files.nodes, nodesFile);
    copyFileSync(files.edges, edgesFile);
    await removeRegions(h.driver, h.regions);
  });
  afterAll(async () => {
    await h.driver.executeQuery('MATCH (a:AuditEntry) WHERE a.summary CONTAINS $r DELETE a', {
      r: region,
    });
    await h.close();
  });

  /** Every import entry since this file started, read over the API. */
  const importEntries = async (): Promise<AuditEntry[]> => {
    const res = await request(h.app)
      .get('/api/v1/audit')
      .query({ action: 'import', from: since, limit: 500 })
      .expect(200);
    const page = AuditPage.parse(res.body);
    expect(page.total).toBe(page.entries.length);
    return page.entries;
  };

  /** A companies file of this region, named with a marker that its audit entry would carry. */
  const companies = (marker: string, rows: string[]): string => {
    const path = join(dir, `${region}-${marker}.csv`);
    writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
    return path;
  };
  const company = (n: number, privacy = 'Public') =>
    `${region}-CO-${n},Audited company ${n},${region},East,Direct,Ann,Bo,${privacy},${n * 10}`;

  it('a committed import records the REST client, its counts and its Cypher, no values', async () => {
    const before = await importEntries();
    const res = await request(h.app)
      .post('/api/v1/import')
      .attach('file', nodesFile)
      .attach('file', edgesFile)
      .expect(200);
    const result = ImportResult.parse(res.body);
    expect(result).toMatchObject({
      committed: true,
      rows: graph.nodes.length + graph.relationships.length,
      nodes: { created: graph.nodes.length, updated: 0 },
      relationships: { created: graph.relationships.length, updated: 0 },
    });

    const after = await importEntries();
    expect(after).toHaveLength(before.length + 1);
    const entry = after[0]!;
    expect(entry).toMatchObject({
      client: 'rest',
      action: 'import',
      summary: `Imported ${result.rows} rows from ${region}-nodes.csv, ${region}-edges.csv`,
      counts: {
        rows: result.rows,
        nodes_created: graph.nodes.length,
        nodes_updated: 0,
        relationships_created: graph.relationships.length,
        relationships_updated: 0,
      },
    });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(Date.parse(since));
    // The statements the import ran (and reported), parameterised: rows go in as $rows.
    expect(entry.cypher).toBe(result.statements.map((s) => s.cypher).join(';\n'));
    expect(entry.cypher).toContain('UNWIND $rows AS row MERGE (n:CONSULTANT {id: row.id})');
    expect(entry.cypher).toMatch(/MERGE \(a\)-\[r:EMPLOYS\]->\(b\)/);
    // No value of any row: neither an id nor a name of what was imported.
    const text = JSON.stringify(entry);
    for (const node of graph.nodes) {
      expect(text).not.toContain(node.properties.id as string);
      expect(text).not.toContain(node.properties.name as string);
    }
  });

  it('a dry run records no entry and writes nothing', async () => {
    const before = await importEntries();
    const counts = await databaseCounts(h.driver);
    const res = await request(h.app)
      .post('/api/v1/import')
      .field('dry_run', 'true')
      .field('label', 'COMPANY')
      .attach('file', companies('dry', [company(1), company(2)]))
      .expect(200);
    expect(ImportResult.parse(res.body)).toMatchObject({
      dry_run: true,
      committed: false,
      nodes: { created: 2 },
    });
    expect(await importEntries()).toEqual(before);
    expect(await databaseCounts(h.driver)).toEqual(counts);
  });

  it('a failed import (a bad row) records no entry and writes nothing', async () => {
    const before = await importEntries();
    const counts = await databaseCounts(h.driver);
    const res = await request(h.app)
      .post('/api/v1/import')
      .field('label', 'COMPANY')
      .attach('file', companies('bad', [company(3), company(4, 'Secret')]))
      .expect(422);
    expect(JSON.stringify(res.body)).toMatch(/privacy/);
    expect(await importEntries()).toEqual(before);
    expect(await databaseCounts(h.driver)).toEqual(counts);
  });

  it('a cancelled import job records no entry and writes nothing', async () => {
    const before = await importEntries();
    const counts = await databaseCounts(h.driver);
    const rows = Array.from({ length: 30_000 }, (_, i) => company(1_000 + i));
    const started = await request(h.app)
      .post('/api/v1/import/jobs')
      .field('label', 'COMPANY')
      .attach('file', companies('cancel', rows))
      .expect(202);
    const job = ImportJob.parse(started.body);
    let seen = job;
    while (seen.status === 'running' && seen.progress.rows === 0) {
      await sleep(50);
      seen = ImportJob.parse(
        (await request(h.app).get(`/api/v1/import/jobs/${job.id}`).expect(200)).body,
      );
    }
    expect(seen.status).toBe('running');
    const cancelled = ImportJob.parse(
      (await request(h.app).delete(`/api/v1/import/jobs/${job.id}`).expect(200)).body,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(await importEntries()).toEqual(before);
    expect(await databaseCounts(h.driver)).toEqual(counts);
  });
});
