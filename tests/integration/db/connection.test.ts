import { AUDIT_LABEL } from '../../../src/shared/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { parseConfig } from '../../../src/main/config/env';
import { resolveAppPaths } from '../../../src/main/config/paths';
import { connectDatabase } from '../../../src/main/db/connection';
import { checkConnectivity, createDriver } from '../../../src/main/db/driver';
import { schemaItems, setupSchema } from '../../../src/main/db/schema';
import { NODE_LABELS } from '../../../src/shared/domain';
import { AppError } from '../../../src/shared/errors';
import { freePort } from '../../../src/main/db/managed/server';
import { testSettings } from '../../support/db';

describe('database connection', () => {
  let driver: Driver;
  beforeAll(() => {
    driver = createDriver(testSettings());
  });
  afterAll(async () => {
    await driver.close();
  });

  it('connects and reports the server', async () => {
    const info = await checkConnectivity(driver, testSettings());
    expect(info.version).toMatch(/^5\./);
    expect(info.edition).toMatch(/community|enterprise/);
    expect(info.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('sets up the schema idempotently', async () => {
    await setupSchema(driver, testSettings().database);
    const second = await setupSchema(driver, testSettings().database);
    expect(second.created).toEqual([]);
    expect(second.existing).toHaveLength(schemaItems().length);

    const { records } = await driver.executeQuery(
      "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties",
    );
    const unique = records.filter((r) => (r.get('properties') as string[]).join() === 'id');
    expect(unique.map((r) => r.get('label') as string).sort()).toEqual(
      [...NODE_LABELS, AUDIT_LABEL].sort(),
    );
  });

  it('fails fast, naming the URI, when nothing listens', async () => {
    const port = await freePort();
    const settings = testSettings({ uri: `bolt://127.0.0.1:${port}`, connectTimeout: 5_000 });
    const unreachable = createDriver(settings);
    const started = Date.now();
    try {
      await expect(checkConnectivity(unreachable, settings)).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        message: `Neo4j is unreachable at bolt://127.0.0.1:${port}.`,
      });
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await unreachable.close();
    }
  });

  it('names NEO4J_URI when the configured database is unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const config = parseConfig({ NEO4J_URI: uri, NEO4J_CONNECT_TIMEOUT: '3' });
    await expect(connectDatabase(config, resolveAppPaths(config))).rejects.toMatchObject({
      code: 'DATABASE_UNAVAILABLE',
      message: `Neo4j is unreachable at ${uri} (NEO4J_URI).`,
    });
  });

  it('reports a wrong password without echoing it', async () => {
    const settings = testSettings({ password: 'definitely-wrong-password' });
    const wrong = createDriver(settings);
    try {
      const error = await checkConnectivity(wrong, settings).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'DATABASE_AUTH_FAILED' });
      expect((error as Error).message).toContain(settings.uri);
      expect((error as Error).message).not.toContain('definitely-wrong-password');
    } finally {
      await wrong.close();
    }
  });
});
