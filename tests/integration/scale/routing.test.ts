/**
 * The API over a `neo4j://` URI (the routing driver; a single server answers routing requests as
 * a cluster of one would): every operation's transactions go out in the access mode it states
 * (reads READ, writes WRITE), every write answers with its bookmark (header and body), reads
 * carrying it are served, a made-up bookmark is refused by name, and the database itself refuses
 * a write sent in READ mode.
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES, type OperationName } from '../../../src/shared/contract';
import type { ErrorBody } from '../../../src/shared/errors';
import { BOOKMARK_HEADER } from '../../../src/shared/http';
import { causalDriver } from '../../../src/main/db/bookmarks';
import { createDriver } from '../../../src/main/db/driver';
import { harness, type Harness } from '../api/harness';
import { testDatabase, testSettings } from '../../support/db';

const routingUri = (): string => testDatabase().uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');

type Mode = 'READ' | 'WRITE';

/** The real routing driver, noting the access mode of every transaction it sends. */
function recording(driver: Driver, modes: Mode[]): Driver {
  const sessionMode = (mode: unknown): Mode => (mode === neo4j.session.WRITE ? 'WRITE' : 'READ');
  const watch = (session: Session, mode: Mode): Session =>
    new Proxy(session, {
      get(target, property) {
        if (
          property === 'executeRead' ||
          property === 'executeWrite' ||
          property === 'run' ||
          property === 'beginTransaction'
        )
          return (...args: unknown[]) => {
            modes.push(
              property === 'executeRead' ? 'READ' : property === 'executeWrite' ? 'WRITE' : mode,
            );
            return (Reflect.get(target, property, target) as (...a: unknown[]) => unknown).apply(
              target,
              args,
            );
          };
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session')
        return (...args: Parameters<Driver['session']>) =>
          watch(target.session(...args), sessionMode(args[0]?.defaultAccessMode));
      if (property === 'executeQuery')
        return (...args: Parameters<Driver['executeQuery']>) => {
          modes.push(args[2]?.routing === 'WRITE' ? 'WRITE' : 'READ');
          return target.executeQuery(...args);
        };
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

describe('neo4j:// routing, access modes and bookmarks', () => {
  const modes: Mode[] = [];
  let h: Harness;
  let region = '';
  let bookmark = '';
  let driver: Driver;

  beforeAll(() => {
    const settings = testSettings({ uri: routingUri() });
    driver = createDriver(settings);
    h = harness(
      { ALLOW_WRITE_QUERIES: 'true' },
      {
        regions: 1,
        database: {
          driver: recording(driver, modes),
          settings,
          info: { address: settings.uri, version: 'unknown', edition: 'unknown', latencyMs: 0 },
          close: () => driver.close(),
        },
      },
    );
    region = h.regions[0] ?? '';
  });
  afterAll(async () => {
    await h.close();
  });

  /** Calls the API and answers with the response and the modes its transactions went out in. */
  async function call(
    name: OperationName,
    send: (test: request.Agent) => request.Test,
  ): Promise<{ body: unknown; header: string | undefined; sent: Mode[] }> {
    modes.length = 0;
    const test = send(request.agent(h.app));
    const response = await (bookmark ? test.set(BOOKMARK_HEADER, bookmark) : test);
    expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBeLessThan(300);
    return {
      body: response.body as unknown,
      header: response.headers[BOOKMARK_HEADER.toLowerCase()],
      sent: [...modes],
    };
  }

  it('answers every write with its bookmark and sends it in WRITE mode', async () => {
    const generated = await call('startGeneration', (t) =>
      t.post(contract.startGeneration.http.path).send({
        regions: [region],
        consultants_per_region: 1,
        field_consultants_per_consultant: 1,
        companies_per_field_consultant: 2,
        products_per_company: 1,
        seed: 3,
      }),
    );
    expect(generated.sent).toContain('WRITE');
    expect(generated.header).toMatch(/\S/);
    expect(generated.body).toMatchObject({ status: 'succeeded', bookmark: generated.header });
    bookmark = generated.header ?? '';

    const written = await call('runQuery', (t) =>
      t.post(contract.runQuery.http.path).send({
        query: 'MATCH (c:CONSULTANT {region: $region}) SET c.checked = true RETURN count(c) AS n',
        parameters: { region },
        read_only: false,
      }),
    );
    expect(written.sent).toEqual(['WRITE']);
    expect(written.header).toMatch(/\S/);
    expect(written.header).not.toBe(bookmark);
    expect(written.body).toMatchObject({ bookmark: written.header });
    bookmark = written.header ?? '';
  });

  it('sends every read in READ mode, waiting for the bookmark it carries', async () => {
    const graph = await call('getRegionGraph', (t) => t.get(`/api/v1/graph/region/${region}`));
    const node = (graph.body as { nodes: { label: string; id: string }[] }).nodes.find(
      (n) => n.label === 'CONSULTANT',
    );
    expect(node).toBeDefined();
    const other = (graph.body as { nodes: { label: string; id: string }[] }).nodes.find(
      (n) => n.label === 'COMPANY',
    );
    expect(other).toBeDefined();
    const relationship = (graph.body as { relationships: { key: string }[] }).relationships[0];
    expect(relationship).toBeDefined();
    const nodePath = `/api/v1/nodes/${node?.label}/${node?.id}`;
    const reads: Partial<Record<OperationName, (t: request.Agent) => request.Test>> = {
      health: (t) => t.get('/health'),
      getRegionGraph: (t) => t.get(`/api/v1/graph/region/${region}?mode=recommendations`),
      filterGraph: (t) => t.post('/api/v1/graph/filter').send({ regions: [region] }),
      getStats: (t) => t.get('/api/v1/graph/stats'),
      getSchema: (t) => t.get('/api/v1/schema'),
      getFilterOptions: (t) => t.get('/api/v1/filters/options'),
      getRegionFilterOptions: (t) => t.get(`/api/v1/filters/options/${region}`),
      getCascadingFilterOptions: (t) => t.post('/api/v1/filters/options').send({}),
      runQuery: (t) =>
        t.post('/api/v1/graph/query').send({
          query: 'MATCH (c:CONSULTANT {region: $region}) RETURN c.checked AS checked',
          parameters: { region },
        }),
      getNode: (t) => t.get(nodePath),
      getNeighbours: (t) => t.get(`${nodePath}/neighbours`),
      search: (t) => t.get(`/api/v1/search?q=${encodeURIComponent('a')}`),
      getNodeLinks: (t) =>
        t
          .post('/api/v1/nodes/links')
          .send({ node: { label: node?.label, id: node?.id }, among: [] }),
      findPaths: (t) =>
        t.post('/api/v1/graph/paths').send({
          from: { label: node?.label, id: node?.id },
          to: { label: other?.label, id: other?.id },
        }),
      getHistograms: (t) => t.get(`/api/v1/filters/histograms?regions=${region}`),
      getCoverageGaps: (t) => t.get(`/api/v1/graph/coverage-gaps?regions=${region}`),
      getDistributions: (t) => t.get(`/api/v1/graph/distributions?regions=${region}`),
      estimateGraph: (t) =>
        t.post('/api/v1/graph/estimate').send({ view: 'region', region, mode: 'standard' }),
      getRelationship: (t) =>
        t.get(`/api/v1/relationships/${encodeURIComponent(relationship?.key ?? '')}`),
      listAudit: (t) => t.get('/api/v1/audit'),
      exportAudit: (t) => t.get('/api/v1/audit/export'),
    };
    // Every operation that reads the database is here (the rest write, or read no database).
    const readsDatabase = OPERATION_NAMES.filter(
      (name) => contract[name].bookmark === 'waits' || name === 'health',
    );
    expect(Object.keys(reads).sort()).toEqual([...readsDatabase, 'runQuery'].sort());
    for (const [name, send] of Object.entries(reads)) {
      const read = await call(name as OperationName, send);
      expect(read.sent.length, name).toBeGreaterThan(0);
      expect(new Set(read.sent), name).toEqual(new Set(['READ']));
      expect(read.header, name).toBeUndefined();
    }
    // The read after the write saw it.
    const checked = await call('runQuery', reads.runQuery!);
    expect((checked.body as { rows: { checked: boolean }[] }).rows).toEqual([{ checked: true }]);
  });

  it('refuses a bookmark this database never gave out, naming it', async () => {
    for (const token of ['FB:not-a-bookmark', 'two words']) {
      const response = await request(h.app).get('/api/v1/graph/stats').set(BOOKMARK_HEADER, token);
      const body = response.body as ErrorBody;
      expect(response.status).toBe(400);
      expect(body.error.code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(body.error.details)).toMatch(/bookmark/i);
    }
    const query = await request(h.app).get('/api/v1/graph/stats').query({ bookmark: 'a b' });
    expect(query.status).toBe(400);
    expect((query.body as ErrorBody).error.details?.[0]?.field).toBe('bookmark');
  });

  it('clears with WRITE and answers with the bookmark', async () => {
    const cleared = await call('clearGraph', (t) =>
      t.delete('/api/v1/graph/clear').query({ confirm: true, regions: region }),
    );
    expect(new Set(cleared.sent)).toEqual(new Set(['WRITE']));
    expect(cleared.body).toMatchObject({ bookmark: cleared.header });
    expect(cleared.header).toMatch(/\S/);
  });

  it('is refused by the database when a write goes out in READ mode', async () => {
    const session = driver.session({
      database: testDatabase().database,
      defaultAccessMode: 'READ',
    });
    try {
      await expect(
        session.executeRead((tx) =>
          tx.run('CREATE (:SN_ROUTING_PROBE {region: $r})', { r: region }),
        ),
      ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.AccessMode' });
    } finally {
      await session.close();
    }
    // And the services' driver refuses any session or query that does not state its mode.
    const strict = causalDriver(driver);
    expect(() => strict.session({ database: testDatabase().database })).toThrow(/access mode/);
    await expect(strict.executeQuery('RETURN 1')).rejects.toThrow(/access mode/);
  });
});
