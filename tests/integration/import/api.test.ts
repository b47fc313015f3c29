import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImportFiles } from '../../../src/main/desktop/import-files';
import { createGenerationService } from '../../../src/main/services/generation';
import { runCli } from '../../../src/main/cli/program';
import { GenerateRequest } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { ImportResult } from '../../../src/shared/import';
import { canonicalDump, cliEnv, databaseCounts, testDeps } from '../generation/support';
import { removeRegions } from '../../support/db';
import { openHarness, type Harness } from '../api/harness';
import { exportFiles, regionGraph, tempDir, type ExportedFiles } from './support';
import { Writable } from 'node:stream';

describe('import over REST and the CLI', () => {
  let h: Harness;
  let files: ExportedFiles;
  let original: Awaited<ReturnType<typeof canonicalDump>>;

  beforeAll(async () => {
    h = await openHarness(
      { API_TOKEN: 'secret-token', IMPORT_MAX_BYTES: '200000' },
      { regions: 1 },
    );
    await createGenerationService(testDeps(h.driver, h.regions)).run(
      GenerateRequest.parse({ regions: h.regions, consultants_per_region: 2, seed: 3 }),
    );
    original = await canonicalDump(h.driver, h.regions, true);
    files = await exportFiles(tempDir(), await regionGraph(h.driver, h.regions));
    await removeRegions(h.driver, h.regions);
  });
  afterAll(() => h.close());

  const post = () =>
    request(h.app).post('/api/v1/import').set('Authorization', 'Bearer secret-token');

  it('needs the token', async () => {
    await request(h.app).post('/api/v1/import').attach('file', files.nodes).expect(401);
  });

  it('uploads the exported files: a dry run writes nothing, then the import writes them all', async () => {
    const before = await databaseCounts(h.driver);
    const dry = await post()
      .field('dry_run', 'true')
      .attach('file', files.nodes)
      .attach('file', files.edges)
      .expect(200);
    expect(ImportResult.parse(dry.body)).toMatchObject({ dry_run: true, committed: false });
    expect(ImportResult.parse(dry.body).nodes.created).toBe(original.nodes.length);
    expect(await databaseCounts(h.driver)).toEqual(before);
    const done = await post().attach('file', files.nodes).attach('file', files.edges).expect(200);
    expect(done.body).toMatchObject({
      committed: true,
      relationships: { created: original.relationships.length },
    });
    expect(await canonicalDump(h.driver, h.regions, true)).toEqual(original);
  });

  it('refuses a file over the size limit with 413, and bad rows with 422 naming them', async () => {
    const before = await databaseCounts(h.driver);
    const big = Buffer.alloc(300_000, 'a');
    const tooLarge = await post().attach('file', big, 'COMPANY.csv').expect(413);
    expect(ErrorBody.parse(tooLarge.body).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const bad = await post()
      .attach('file', Buffer.from('id,name,region\nX-1,Bad,nope\n'), 'COMPANY.csv')
      .expect(422);
    const { error } = ErrorBody.parse(bad.body);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details?.[0]).toMatchObject({ field: 'COMPANY.csv:2:region' });
    expect(await databaseCounts(h.driver)).toEqual(before);
  });

  it('the CLI imports the coverage table (updates only) and reports it in JSON', async () => {
    let stdout = '';
    let stderr = '';
    const sink = (append: (s: string) => void) =>
      new Writable({
        write(chunk: Buffer, _e, done) {
          append(chunk.toString());
          done();
        },
      });
    const code = await runCli(['import', files.coverageXlsx, '--json'], {
      stdout: sink((s) => (stdout += s)),
      stderr: sink((s) => (stderr += s)),
      env: cliEnv(h.regions),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = ImportResult.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ committed: true, relationships: { created: 0, updated: 0 } });
    expect(result.files[0]).toMatchObject({ layout: 'coverage' });
    expect(await canonicalDump(h.driver, h.regions, true)).toEqual(original);
  });

  it('the desktop checks the files picked in the open dialog; a cancelled dialog chooses none', async () => {
    const picked: string[][] = [];
    let paths: string[] = [];
    const desktop = createImportFiles({
      showOpenDialog: (options) => {
        picked.push(options.filters.flatMap((f) => f.extensions));
        return Promise.resolve({ canceled: paths.length === 0, filePaths: paths });
      },
      handlers: () => h.backend.handlers,
    });
    expect(await desktop.chooseImportFiles({})).toEqual({ choice: null, names: [] });
    paths = [files.nodes, files.edges];
    const chosen = await desktop.chooseImportFiles({});
    expect(chosen.names).toEqual([basename(files.nodes), basename(files.edges)]);
    let job = await desktop.startChosenImport({ choice: chosen.choice!, dry_run: true });
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await h.backend.handlers.getImportJob({ id: job.id });
    }
    expect(job.result).toMatchObject({
      dry_run: true,
      nodes: { unchanged: original.nodes.length },
    });
    expect(picked).toEqual([
      ['csv', 'xlsx'],
      ['csv', 'xlsx'],
    ]);
    // A choice the main process does not hold (e.g. made up by a page) reads no file.
    await expect(
      desktop.startChosenImport({ choice: randomUUID(), dry_run: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('documents the upload in the OpenAPI document', async () => {
    type Operation = {
      operationId: string;
      requestBody: { content: Record<string, unknown> };
      responses: Record<string, unknown>;
    };
    const doc = (await request(h.app).get('/openapi.json').expect(200)).body as {
      paths: Record<string, { post: Operation }>;
    };
    const operation = doc.paths['/api/v1/import']!.post;
    expect(operation.operationId).toBe('importFiles');
    expect(Object.keys(operation.requestBody.content)).toEqual(['multipart/form-data']);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '413', '422']));
    expect(readFileSync(files.nodes, 'utf8').split('\r\n')[0]).toMatch(/^key,/);
  });
});
