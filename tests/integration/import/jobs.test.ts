/**
 * Imports as jobs over HTTP, against the test database: 202 with the job, progress that
 * advances while it runs, a cancel that rolls everything back, and the report of a finished
 * job; the desktop starts the same job from its open dialog.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportFiles } from '../../../src/main/desktop/import-files';
import { ImportJob } from '../../../src/shared/import';
import { ErrorBody } from '../../../src/shared/errors';
import { databaseCounts } from '../generation/support';
import { openHarness, type Harness } from '../api/harness';
import { tempDir } from './support';

const HEADER = 'id,name,region,sales_region,channel,pca,aca,privacy,aum';
const ROWS = 30_000;

describe('import jobs over REST', () => {
  let h: Harness;
  let path: string;
  let region: string;

  beforeAll(async () => {
    h = await openHarness({}, { regions: 1 });
    region = h.regions[0]!;
    path = join(tempDir(), 'COMPANY.csv');
    const lines = Array.from(
      { length: ROWS },
      (_, i) => `${region}-CO-${i},Company ${i},${region},East,Direct,Ann,Bo,Public,${i * 10}`,
    );
    writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
  });
  afterAll(() => h.close());

  const start = async (): Promise<ImportJob> => {
    const res = await request(h.app).post('/api/v1/import/jobs').attach('file', path).expect(202);
    const job = ImportJob.parse(res.body);
    expect(res.headers.location).toBe(`/api/v1/import/jobs/${job.id}`);
    return job;
  };
  const read = async (id: string): Promise<ImportJob> =>
    ImportJob.parse((await request(h.app).get(`/api/v1/import/jobs/${id}`).expect(200)).body);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('cancelled mid-import: the job ends cancelled and the database is unchanged', async () => {
    const before = await databaseCounts(h.driver);
    const job = await start();
    expect(job.status).toBe('running');
    let seen = await read(job.id);
    while (seen.status === 'running' && seen.progress.rows < 5_000) {
      await sleep(50);
      seen = await read(job.id);
    }
    expect(seen).toMatchObject({ status: 'running', progress: { phase: 'read' } });
    expect(seen.progress.rows_total).toBe(ROWS);
    const cancelled = ImportJob.parse(
      (await request(h.app).delete(`/api/v1/import/jobs/${job.id}`).expect(200)).body,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(cancelled.progress.rows).toBeLessThan(ROWS);
    expect(await databaseCounts(h.driver)).toEqual(before);
  });

  it('runs to the end: progress advances, and the finished job reports the counts', async () => {
    const before = await databaseCounts(h.driver);
    const job = await start();
    const rows: number[] = [];
    let seen = job;
    while (seen.status === 'running') {
      rows.push(seen.progress.rows);
      await sleep(100);
      seen = await read(job.id);
    }
    expect(new Set(rows).size).toBeGreaterThan(1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(seen).toMatchObject({
      status: 'succeeded',
      error: null,
      progress: { phase: 'done', rows: ROWS, rows_total: ROWS },
      result: { committed: true, rows: ROWS, nodes: { created: ROWS, updated: 0 } },
    });
    expect(seen.bookmark).not.toBeNull();
    const { records } = await h.driver.executeQuery(
      'MATCH (c:COMPANY {region: $region}) RETURN count(c) AS n',
      { region },
    );
    expect(Number(records[0]?.get('n'))).toBe(ROWS);
    expect((await databaseCounts(h.driver)).nodes).toBeGreaterThanOrEqual(before.nodes + ROWS);
  });

  it('a job with a bad row fails with the report and writes nothing; unknown jobs are 404', async () => {
    const bad = join(tempDir(), 'COMPANY.csv');
    writeFileSync(bad, `${HEADER}\n${region}-CO-X,Bad,${region},East,Direct,Ann,Bo,Secret,1\n`);
    const before = await databaseCounts(h.driver);
    const res = await request(h.app).post('/api/v1/import/jobs').attach('file', bad).expect(202);
    let seen = ImportJob.parse(res.body);
    while (seen.status === 'running') {
      await sleep(50);
      seen = await read(seen.id);
    }
    expect(seen).toMatchObject({
      status: 'failed',
      error: { code: 'UNPROCESSABLE' },
      result: { committed: false, errors_total: 1 },
    });
    expect(seen.error?.message).toMatch(/row 2, column privacy/);
    expect(await databaseCounts(h.driver)).toEqual(before);
    await request(h.app).get('/api/v1/import/jobs/nope').expect(404);
    await request(h.app).delete('/api/v1/import/jobs/nope').expect(404);
  });

  it('refuses a file that is not CSV or XLSX, and a flag that is not true or false, before any job starts', async () => {
    const picture = join(tempDir(), 'logo.png');
    writeFileSync(picture, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const before = await databaseCounts(h.driver);
    const wrongFile = await request(h.app)
      .post('/api/v1/import/jobs')
      .attach('file', picture)
      .expect(422);
    expect(ErrorBody.parse(wrongFile.body).error.message).toMatch(
      /logo\.png: only \.csv and \.xlsx/,
    );
    const wrongFlag = await request(h.app)
      .post('/api/v1/import/jobs')
      .field('confirm', '{}')
      .attach('file', path)
      .expect(400);
    expect(ErrorBody.parse(wrongFlag.body).error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'confirm' })]),
    );
    expect(await databaseCounts(h.driver)).toEqual(before);
  });

  it('the desktop starts the job from the open dialog and follows it over the contract', async () => {
    const desktop = createImportFiles({
      showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [path] }),
      handlers: () => h.backend.handlers,
    });
    const { choice } = await desktop.chooseImportFiles({});
    let seen = await desktop.startChosenImport({ choice: choice!, dry_run: true });
    while (seen.status === 'running') {
      await sleep(100);
      seen = await h.backend.handlers.getImportJob({ id: seen.id });
    }
    expect(seen).toMatchObject({
      status: 'succeeded',
      dry_run: true,
      result: { committed: false, nodes: { unchanged: ROWS } },
    });
  });

  it('documents the job endpoints in the OpenAPI document', async () => {
    const doc = (await request(h.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { operationId: string; responses: object }>>;
    };
    expect(doc.paths['/api/v1/import/jobs']?.post?.operationId).toBe('startImport');
    expect(Object.keys(doc.paths['/api/v1/import/jobs']?.post?.responses ?? {})).toContain('202');
    expect(doc.paths['/api/v1/import/jobs/{id}']?.get?.operationId).toBe('getImportJob');
    expect(doc.paths['/api/v1/import/jobs/{id}']?.delete?.operationId).toBe('cancelImport');
  });
});
