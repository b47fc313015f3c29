/**
 * The managed Neo4j is only ever its own: a foreign listener on the preferred port (held before
 * the start, or taken between the free-port check and Java's bind) is neither mistaken for it
 * nor talked to, and a server whose store is not the recorded one is refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { managedHome, readIdentity, writeIdentity } from '../../../src/main/db/managed/files';
import { listensOnPort } from '../../../src/main/db/managed/identity';
import { holdsListeningPort } from '../../../src/main/db/managed/port-owner';
import {
  attachManaged,
  freePort,
  managedStatus,
  startManaged,
  stopManaged,
  type ManagedInstance,
} from '../../../src/main/db/managed/server';
import { cacheDir, foreignListener, SMALL, tempDirs, type ForeignListener } from './support';

const dirs = tempDirs();
const dataDir = dirs.make('identity');
const home = managedHome(dataDir);
let instance: ManagedInstance | undefined;
const foreigners: ForeignListener[] = [];

afterAll(async () => {
  await instance?.stop();
  await stopManaged(dataDir);
  for (const foreign of foreigners) await foreign.close();
  dirs.removeAll();
});

async function dbmsId(server: ManagedInstance): Promise<string> {
  const driver = neo4j.driver(
    server.uri,
    neo4j.auth.basic(server.credentials.username, server.credentials.password),
  );
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.info() YIELD id RETURN id',
      {},
      {
        database: 'system',
      },
    );
    return String(records[0]?.get('id'));
  } finally {
    await driver.close();
  }
}

describe('managed Neo4j identity', () => {
  it('does not take a live process that is not its server for it', async () => {
    const foreign = await foreignListener(await freePort());
    foreigners.push(foreign);
    const stale = dirs.make('stale');
    mkdirSync(join(managedHome(stale), 'run'), { recursive: true });
    // A state left by a crash, whose pid now belongs to another process (this one).
    writeFileSync(
      join(managedHome(stale), 'run', 'managed.json'),
      JSON.stringify({
        pid: process.pid,
        boltPort: foreign.port,
        version: '5.26.0',
        startedAt: new Date().toISOString(),
      }),
    );
    expect(await attachManaged(stale)).toBeUndefined();
    expect(managedStatus(stale)).toEqual({ running: false, dataDir: stale });
    expect(foreign.connections()).toBe(0);
  });

  it(
    'starts on another port when a foreign listener holds the preferred one, never talking to it',
    { timeout: 180_000 },
    async () => {
      const preferred = await freePort();
      const foreign = await foreignListener(preferred);
      foreigners.push(foreign);
      instance = await startManaged({ dataDir, cacheDir, boltPort: preferred, ...SMALL });
      expect(instance.owned).toBe(true);
      expect(instance.boltPort).not.toBe(preferred);
      expect(holdsListeningPort(instance.pid, instance.boltPort)).toBe(true);
      expect(holdsListeningPort(instance.pid, preferred)).toBe(false);
      expect(listensOnPort(home, instance)).toBe(true);
      expect(managedStatus(dataDir)).toMatchObject({
        running: true,
        pid: instance.pid,
        uri: instance.uri,
      });
      // The DBMS id is recorded on the first start, and is the server's.
      expect(readIdentity(home)).toBe(await dbmsId(instance));
      expect(foreign.connections()).toBe(0);
    },
  );

  it('refuses a server of this folder whose store is not the recorded one', async () => {
    const recorded = readIdentity(home);
    expect(recorded).toBeDefined();
    await writeIdentity(home, 'a-store-this-folder-never-had');
    try {
      await expect(attachManaged(dataDir)).rejects.toMatchObject({
        code: 'DATABASE_UNAVAILABLE',
        message: expect.stringMatching(/is not this app's managed Neo4j/) as unknown,
      });
    } finally {
      await writeIdentity(home, recorded ?? '');
    }
    expect((await attachManaged(dataDir))?.uri).toBe(instance?.uri);
  });

  it(
    'moves to another port when the chosen one is taken between the check and the bind',
    { timeout: 240_000 },
    async () => {
      await instance?.stop();
      expect(managedStatus(dataDir).running).toBe(false);
      const chosen = await freePort();
      const messages: string[] = [];
      let taken: Promise<ForeignListener> | undefined;
      instance = await startManaged({
        dataDir,
        cacheDir,
        boltPort: chosen,
        ...SMALL,
        onProgress: (message) => {
          messages.push(message);
          // Java is spawned and still booting: the port goes to someone else before it binds.
          if (!taken && message.endsWith(`on 127.0.0.1:${chosen}`)) taken = foreignListener(chosen);
        },
      });
      expect(taken).toBeDefined();
      const foreign = await taken!;
      foreigners.push(foreign);
      expect(messages).toContain(
        `Port ${chosen} was taken before Neo4j could bind it; trying another`,
      );
      expect(instance.boltPort).not.toBe(chosen);
      expect(holdsListeningPort(instance.pid, instance.boltPort)).toBe(true);
      // Same folder, same store: the recorded identity still matches.
      expect(await dbmsId(instance)).toBe(readIdentity(home));
      expect(foreign.connections()).toBe(0);
    },
  );
});
