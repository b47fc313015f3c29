/**
 * One mapping of database failures for every operation and both fronts. Against the real test
 * Neo4j: credentials it refuses give 503 DATABASE_AUTH_FAILED from every operation that reads or
 * writes (statistics included); a database that goes away (the connection to it is cut, as when
 * it stops, after the pool held live connections) gives 503 DATABASE_UNAVAILABLE. Over IPC each
 * failure carries the same code.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/main/db/connection';
import type { DbSettings } from '../../../src/main/db/driver';
import type { OperationInput, ClientOperationName } from '../../../src/shared/contract';
import { ErrorBody, isAppError, type ErrorCode } from '../../../src/shared/errors';
import { buildRequest } from '../../../src/shared/http';
import { testSettings } from '../../support/db';
import { harness, type Harness } from './harness';
import { ipcClient } from './ipc';

type Case = {
  [N in ClientOperationName]: { name: N; input: (region: string) => OperationInput<N> };
}[ClientOperationName];

/** Every operation that uses the database (health has its own 503 body; see database-down). */
const CASES: Case[] = [
  { name: 'getRegionGraph', input: (region) => ({ region }) },
  { name: 'filterGraph', input: (region) => ({ regions: [region] }) },
  { name: 'getStats', input: () => ({}) },
  { name: 'getFilterOptions', input: () => ({}) },
  { name: 'getRegionFilterOptions', input: (region) => ({ region }) },
  { name: 'getCascadingFilterOptions', input: (region) => ({ regions: [region] }) },
  { name: 'runQuery', input: () => ({ query: 'RETURN 1 AS n' }) },
  { name: 'getNode', input: () => ({ label: 'CONSULTANT', id: 'X-C-1' }) },
  { name: 'getNeighbours', input: () => ({ label: 'CONSULTANT', id: 'X-C-1' }) },
  { name: 'search', input: () => ({ q: 'Alice' }) },
  {
    name: 'startGeneration',
    input: (region) => ({ regions: [region], consultants_per_region: 1 }),
  },
  { name: 'clearGraph', input: (region) => ({ confirm: true, regions: [region] }) },
];

/** A backend on `settings`, with a driver that gives up quickly (the answer would not change). */
function backendOn(settings: DbSettings): Harness {
  const driver = neo4j.driver(
    settings.uri,
    neo4j.auth.basic(settings.username, settings.password),
    {
      maxTransactionRetryTime: 300,
      connectionTimeout: 500,
      connectionAcquisitionTimeout: 1_000,
    },
  );
  const database: Database = {
    driver,
    settings,
    info: { address: settings.uri, version: '', edition: '', latencyMs: 0 },
    close: () => driver.close(),
  };
  return harness({}, { database, regions: 1 });
}

async function overHttp(h: Harness, c: Case): Promise<request.Response> {
  const region = h.regions[0] ?? '';
  const { method, url, body } = buildRequest(c.name, c.input(region) as never);
  if (method === 'GET') return request(h.app).get(url);
  if (method === 'DELETE') return request(h.app).delete(url);
  return request(h.app)
    .post(url)
    .send(body as object);
}

async function expectHttpFailure(h: Harness, code: ErrorCode): Promise<string[]> {
  const messages: string[] = [];
  for (const c of CASES) {
    const res = await overHttp(h, c);
    expect({ operation: c.name, status: res.status }).toEqual({ operation: c.name, status: 503 });
    expect(res.headers['retry-after']).toBe('5');
    const error = ErrorBody.parse(res.body).error;
    expect({ operation: c.name, code: error.code }).toEqual({ operation: c.name, code });
    expect(JSON.stringify(res.body)).not.toMatch(
      /Neo\.ClientError|ServiceUnavailable|ECONNREFUSED/,
    );
    messages.push(error.message);
  }
  return messages;
}

/** Over IPC: the same code; a generation job records it (its start answers at once). */
async function expectIpcFailure(h: Harness, code: ErrorCode): Promise<void> {
  const { call, dispose } = ipcClient(h.backend);
  const region = h.regions[0] ?? '';
  try {
    for (const c of CASES) {
      if (c.name === 'startGeneration') {
        const job = await call('startGeneration', c.input(region));
        const finished = await h.backend.generation.wait(job.id);
        expect(finished).toMatchObject({ status: 'failed', error: { code } });
        continue;
      }
      const failed = await call(c.name, c.input(region) as never).then(
        () => undefined,
        (e: unknown) => (isAppError(e) ? e.code : e),
      );
      expect({ operation: c.name, failed }).toEqual({ operation: c.name, failed: code });
    }
  } finally {
    dispose();
  }
}

describe('credentials the database refuses', () => {
  // An unknown user, so that the database's lock-out after failed sign-ins never reaches the
  // user the other tests sign in as.
  const refused = (source: DbSettings['source']) =>
    backendOn(testSettings({ username: 'sn-no-such-user', password: 'wrong-password', source }));
  let h: Harness;
  beforeAll(() => {
    h = refused('NEO4J_URI');
  });
  afterAll(async () => {
    await h.close();
  });

  it('every operation over HTTP, statistics included: 503 DATABASE_AUTH_FAILED', async () => {
    const messages = await expectHttpFailure(h, 'DATABASE_AUTH_FAILED');
    for (const message of messages) expect(message).toMatch(/NEO4J_USERNAME and NEO4J_PASSWORD/);
    expect(messages.join(' ')).not.toContain('wrong-password');
  });

  it('every operation over IPC carries DATABASE_AUTH_FAILED', async () => {
    await expectIpcFailure(h, 'DATABASE_AUTH_FAILED');
  });

  it('for the managed database, says the server answering is not the one the app started', async () => {
    const managed = refused('managed');
    try {
      const res = await request(managed.app).get('/api/v1/graph/stats').expect(503);
      const error = ErrorBody.parse(res.body).error;
      expect(error.code).toBe('DATABASE_AUTH_FAILED');
      expect(error.message).toMatch(/managed database's own credentials: it is not this app's/);
      expect(error.message).not.toMatch(/NEO4J_|profile/);
    } finally {
      await managed.close();
    }
  });
});

describe('a database that goes away', () => {
  let proxy: Server;
  const sockets = new Set<Socket>();
  let h: Harness;

  beforeAll(async () => {
    // A pass-through to the test Neo4j: closing it is what the driver sees when Neo4j stops.
    const upstream = new URL(testSettings().uri);
    proxy = createServer((client) => {
      const server = connect(Number(upstream.port), upstream.hostname);
      for (const socket of [client, server]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const address = proxy.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    h = backendOn(testSettings({ uri: `bolt://127.0.0.1:${port}` }));
    // Live connections in the pool first, through a read that is not cached.
    await request(h.app).post('/api/v1/graph/query').send({ query: 'RETURN 1' }).expect(200);
    // Closing waits for open connections, which are cut right after.
    const closed = new Promise<void>((resolve) => proxy.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  });
  afterAll(async () => {
    await h.close();
  });

  it('every operation over HTTP: 503 DATABASE_UNAVAILABLE', async () => {
    const messages = await expectHttpFailure(h, 'DATABASE_UNAVAILABLE');
    for (const message of messages) expect(message).toMatch(/^Neo4j is unreachable at bolt:/);
  });

  it('every operation over IPC carries DATABASE_UNAVAILABLE', async () => {
    await expectIpcFailure(h, 'DATABASE_UNAVAILABLE');
  });
});
