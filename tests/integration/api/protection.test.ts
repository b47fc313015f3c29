/**
 * Protection levels over HTTP against the real database: read-only refuses every write (early,
 * and the database too, since every session is READ); confirm runs a write only with
 * confirm: true; refused writes leave the counts unchanged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jError } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryResponse, ServerSettings } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { ImportResult } from '../../../src/shared/import';
import { readOnlyDriver } from '../../../src/main/db/read-only';
import { testDatabase } from '../../support/db';
import { countRegions, openHarness, type Harness } from './harness';

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

function companyFile(region: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sn-protect-')), 'COMPANY.csv');
  writeFileSync(
    path,
    `id,name,region,sales_region,channel,pca,aca,privacy,aum\n` +
      `${region}-CO-1,Fund One,${region},East,Direct,PCA 1,ACA 1,Public,100\n`,
  );
  return path;
}

describe('protection level read-only', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ PROTECTION: 'read-only', ALLOW_WRITE_QUERIES: 'true' }, { regions: 1 });
  });
  afterAll(() => h.close());

  it('is reported in the settings', async () => {
    const res = await request(h.app).get('/api/v1/settings').expect(200);
    expect(ServerSettings.parse(res.body).protection).toBe('read-only');
  });

  it('refuses write Cypher, generation, clearing and import, writing nothing', async () => {
    const [region = ''] = h.regions;
    const before = await countRegions(h.driver, h.regions);
    const refusals = [
      await request(h.app)
        .post('/api/v1/graph/query')
        .send({
          query: 'CREATE (:CONSULTANT {id: $id, region: $region})',
          parameters: { id: `${region}-X`, region },
          read_only: false,
          confirm: true,
        }),
      await request(h.app)
        .post('/api/v1/graph/generate')
        .send({ regions: [region], consultants_per_region: 1, confirm: true }),
      await request(h.app).delete('/api/v1/graph/clear').query({ confirm: true, regions: region }),
      await request(h.app).post('/api/v1/import').attach('file', companyFile(region)),
      await request(h.app)
        .post('/api/v1/import')
        .field('dry_run', 'true')
        .attach('file', companyFile(region)),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(errorOf(res.body)).toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
      expect(errorOf(res.body).message).toMatch(/read-only/);
    }
    expect(await countRegions(h.driver, h.regions)).toEqual(before);
  });

  it('still answers reads', async () => {
    const res = await request(h.app)
      .post('/api/v1/graph/query')
      .send({ query: 'RETURN 1 AS one' })
      .expect(200);
    expect(QueryResponse.parse(res.body).rows).toEqual([{ one: 1 }]);
  });

  it('runs sessions in READ mode, so the database itself refuses a write', async () => {
    const [region = ''] = h.regions;
    const session = readOnlyDriver(h.driver).session({
      database: testDatabase().database,
      defaultAccessMode: 'WRITE',
    });
    try {
      const write = session.run('CREATE (:CONSULTANT {id: $id, region: $region})', {
        id: `${region}-DB`,
        region,
      });
      await expect(write).rejects.toBeInstanceOf(Neo4jError);
      await expect(write).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    } finally {
      await session.close();
    }
    expect((await countRegions(h.driver, h.regions)).nodes).toBe(0);
  });
});

describe('protection level confirm', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness({ PROTECTION: 'confirm', ALLOW_WRITE_QUERIES: 'true' }, { regions: 1 });
  });
  afterAll(() => h.close());

  const write = (region: string, confirm?: boolean) =>
    request(h.app)
      .post('/api/v1/graph/query')
      .send({
        query: 'CREATE (:CONSULTANT {id: $id, region: $region})',
        parameters: { id: `${region}-Q`, region },
        read_only: false,
        ...(confirm === undefined ? {} : { confirm }),
      });

  it('refuses a write without confirm: true, naming the field, and writes nothing', async () => {
    const [region = ''] = h.regions;
    for (const res of [
      await write(region),
      await write(region, false),
      await request(h.app)
        .post('/api/v1/graph/generate')
        .send({ regions: [region], consultants_per_region: 1 }),
      await request(h.app).post('/api/v1/import').attach('file', companyFile(region)),
    ]) {
      expect(res.status).toBe(428);
      expect(errorOf(res.body)).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        details: [{ field: 'confirm' }],
      });
    }
    expect(await countRegions(h.driver, h.regions)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('runs a confirmed write, and a dry run without confirmation', async () => {
    const [region = ''] = h.regions;
    await write(region, true).expect(200);
    const dry = await request(h.app)
      .post('/api/v1/import')
      .field('dry_run', 'true')
      .attach('file', companyFile(region))
      .expect(200);
    expect(ImportResult.parse(dry.body)).toMatchObject({ committed: false, rows: 1 });
    const imported = await request(h.app)
      .post('/api/v1/import')
      .field('confirm', 'true')
      .attach('file', companyFile(region))
      .expect(200);
    expect(ImportResult.parse(imported.body)).toMatchObject({ committed: true });
    expect((await countRegions(h.driver, h.regions)).nodes).toBe(2);
  });
});
