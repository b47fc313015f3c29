import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/main/config/env';
import { connectionCheck } from '../../../src/main/desktop/connection-check';
import { testDatabase } from '../../support/db';

describe('test connection of a profile', () => {
  const check = connectionCheck(parseConfig({ NEO4J_CONNECT_TIMEOUT: '5' }));

  it('reports the server of a reachable database', async () => {
    const db = testDatabase();
    const info = await check({
      uri: db.uri,
      username: db.username,
      password: db.password,
      database: db.database,
    });
    expect(info.version).toMatch(/^5\./);
    expect(info.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('names refused credentials without echoing them', async () => {
    const db = testDatabase();
    const error = await check({
      uri: db.uri,
      username: db.username,
      password: 'definitely-wrong-password',
      database: db.database,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATABASE_AUTH_FAILED' });
    expect(String((error as Error).message)).not.toContain('definitely-wrong-password');
  });

  it('names an unreachable address', async () => {
    const error = await check({
      uri: 'bolt://127.0.0.1:1',
      username: 'neo4j',
      password: 'x',
      database: 'neo4j',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect((error as Error).message).toContain('bolt://127.0.0.1:1');
  });
});
