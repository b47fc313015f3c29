/** The audit entry is part of the write's transaction: it commits and rolls back with it. */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../../src/main/services/audit';
import { withClient } from '../../../src/main/services/request-context';
import { testDatabase, testDriver } from '../../support/db';

describe('recordAudit', () => {
  let driver: Driver;
  const written: string[] = [];
  const database = () => testDatabase().database;

  const entry = async (id: string) => {
    const { records } = await driver.executeQuery(
      'MATCH (a:AuditEntry {id: $id}) RETURN properties(a) AS a, a.at IS :: ZONED DATETIME AS dated',
      { id },
      { database: database() },
    );
    const record = records[0];
    return record
      ? { ...(record.get('a') as Record<string, unknown>), dated: record.get('dated') as boolean }
      : undefined;
  };

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await driver.executeQuery(
      'MATCH (a:AuditEntry) WHERE a.id IN $ids DELETE a',
      { ids: written },
      { database: database() },
    );
    await driver.close();
  });

  it('writes the entry with the transaction, with the current client', async () => {
    const session = driver.session({ database: database() });
    try {
      const id = await withClient({ client: 'rest', user_agent: 'test' }, () =>
        session.executeWrite((tx) =>
          recordAudit(tx, {
            action: 'query',
            summary: 'A test write',
            counts: { nodes_created: 2 },
            cypher: 'CREATE (n:Thing {id: $id})',
          }),
        ),
      );
      written.push(id);
      expect(await entry(id)).toEqual({
        id,
        at: expect.anything() as unknown,
        dated: true,
        client: 'rest',
        action: 'query',
        summary: 'A test write',
        counts_json: JSON.stringify({ nodes_created: 2 }),
        cypher: 'CREATE (n:Thing {id: $id})',
      });
    } finally {
      await session.close();
    }
  });

  it('records `internal` outside any client, and no cypher when none is given', async () => {
    const session = driver.session({ database: database() });
    try {
      const id = await session.executeWrite((tx) =>
        recordAudit(tx, { action: 'clear', summary: 'Nothing', counts: {} }),
      );
      written.push(id);
      const stored = await entry(id);
      expect(stored).toMatchObject({ client: 'internal', action: 'clear', counts_json: '{}' });
      expect(stored).not.toHaveProperty('cypher');
    } finally {
      await session.close();
    }
  });

  it('is rolled back with the transaction', async () => {
    const session = driver.session({ database: database() });
    const tx = session.beginTransaction();
    try {
      const id = await recordAudit(tx, { action: 'import', summary: 'Rolled back', counts: {} });
      written.push(id);
      // Visible inside the transaction…
      const inside = await tx.run('MATCH (a:AuditEntry {id: $id}) RETURN count(a) AS n', { id });
      expect(Number(inside.records[0]?.get('n'))).toBe(1);
      await tx.rollback();
      // …and gone with it.
      expect(await entry(id)).toBeUndefined();
    } finally {
      await session.close();
    }
  });
});
