/**
 * The audit log over HTTP: write queries, clears and generation runs each leave one entry naming
 * the REST client; a preview writes nothing and shows the Cypher the run records; reads of the
 * data (statistics, schema, search) never show the entries.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditExport, AuditPage, WritePreview } from '../../../src/shared/audit';
import { SchemaResponse, StatsResponse } from '../../../src/shared/api';
import { countAll, openHarness, type Harness } from './harness';

let h: Harness;
let A = '';
const since = new Date(Date.now() - 1000).toISOString();

beforeAll(async () => {
  h = await openHarness({ ALLOW_WRITE_QUERIES: 'true' }, { regions: 1 });
  [A = ''] = h.regions;
});
afterAll(async () => {
  // The entries this file caused (they name its region).
  await h.driver.executeQuery('MATCH (a:AuditEntry) WHERE a.summary CONTAINS $r DELETE a', {
    r: A,
  });
  await h.close();
});

const latest = async (action: string) => {
  const res = await request(h.app).get('/api/v1/audit').query({ action, from: since }).expect(200);
  return AuditPage.parse(res.body);
};

describe('audit log', () => {
  const writeQuery = () =>
    `CREATE (c:CONSULTANT {id: $id, name: 'Audit ${A}', region: '${A}'}) RETURN c.id AS id`;

  let query = '';
  beforeAll(() => {
    query = writeQuery();
  });

  it('previews a write query without writing, with parameter names only', async () => {
    const before = await countAll(h.driver);
    const res = await request(h.app)
      .post('/api/v1/preview')
      .send({ write: 'query', query, parameters: { id: `${A}-C-1` } })
      .expect(200);
    const preview = WritePreview.parse(res.body);
    expect(preview.statements).toEqual([{ cypher: query, parameters_summary: '$id: string' }]);
    expect(JSON.stringify(preview)).not.toContain(`${A}-C-1`);
    expect(await countAll(h.driver)).toEqual(before);
  });

  it('records a write query with the rest client, its Cypher and counts, no parameter values', async () => {
    await request(h.app)
      .post('/api/v1/graph/query')
      .set('User-Agent', 'audit-test')
      .send({ query, parameters: { id: `${A}-C-1` }, read_only: false })
      .expect(200);
    const page = await latest('query');
    const entry = page.entries.find((e) => e.summary.includes(A));
    expect(entry).toMatchObject({
      client: 'rest',
      action: 'query',
      cypher: query,
      counts: expect.objectContaining({
        nodesCreated: 1,
        propertiesSet: 3,
        labelsAdded: 1,
      }) as unknown,
    });
    expect(JSON.stringify(entry)).not.toContain(`${A}-C-1`);
  });

  it('leaves audit entries out of statistics, schema counts and search', async () => {
    const stats = StatsResponse.parse(
      (await request(h.app).get('/api/v1/graph/stats').expect(200)).body,
    );
    const { records } = await h.driver.executeQuery(
      'MATCH (n) WHERE NOT n:AuditEntry AND NOT n:SN_GENERATION RETURN count(n) AS n',
    );
    expect(stats.total_nodes).toBe(Number(records[0]?.get('n')));
    const schema = SchemaResponse.parse(
      (await request(h.app).get('/api/v1/schema').expect(200)).body,
    );
    expect(JSON.stringify(schema.labels)).not.toContain('AuditEntry');
    const search = await request(h.app).get('/api/v1/search').query({ q: 'Cleared' }).expect(200);
    expect(JSON.stringify(search.body)).not.toContain('AuditEntry');
  });

  it('previews a clear, then records it with the same Cypher and the counts', async () => {
    const preview = WritePreview.parse(
      (
        await request(h.app)
          .post('/api/v1/preview')
          .send({ write: 'clear', regions: [A] })
          .expect(200)
      ).body,
    );
    expect(preview.statements.length).toBeGreaterThan(0);
    await request(h.app)
      .delete('/api/v1/graph/clear')
      .query({ confirm: true, regions: A })
      .expect(200);
    const entry = (await latest('clear')).entries.find((e) => e.summary.includes(A));
    expect(entry).toMatchObject({
      client: 'rest',
      counts: { deleted_nodes: 1, deleted_relationships: 0 },
    });
    expect(entry?.cypher).toBe(preview.statements.map((s) => s.cypher).join(';\n'));
    // Clearing the data keeps the audit log.
    expect((await latest('query')).entries.some((e) => e.summary.includes(A))).toBe(true);
  });

  it('records a generation run with the statements its preview shows', async () => {
    const generate = { regions: [A], consultants_per_region: 2, seed: 7 };
    const preview = WritePreview.parse(
      (
        await request(h.app)
          .post('/api/v1/preview')
          .send({ write: 'generate', generate })
          .expect(200)
      ).body,
    );
    const before = await countAll(h.driver);
    await request(h.app).post('/api/v1/graph/generate').send(generate).expect(200);
    const entry = (await latest('generate')).entries.find((e) => e.summary.includes(A));
    expect(entry?.client).toBe('rest');
    expect(entry?.cypher).toBe(preview.statements.map((s) => s.cypher).join(';\n'));
    const after = await countAll(h.driver);
    // Besides the network: the run's SN_GENERATION record and its audit entry.
    expect(entry?.counts).toEqual({
      nodes_created: after.nodes - before.nodes - 2,
      relationships_created: after.relationships - before.relationships,
    });
  });

  it('exports the log as CSV, newest first', async () => {
    const res = await request(h.app).get('/api/v1/audit/export').query({ from: since }).expect(200);
    const file = AuditExport.parse(res.body);
    const lines = file.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('at,client,action,summary,counts,cypher');
    expect(file.rows).toBeGreaterThanOrEqual(3);
    expect(file.csv).toContain(`Cleared regions ${A}`);
    expect(file.csv.indexOf('Generated')).toBeLessThan(file.csv.indexOf(`Cleared regions ${A}`));
  });

  it('reads instants with any RFC 3339 offset, also beyond the ±18:00 Neo4j accepts', async () => {
    const all = await request(h.app).get('/api/v1/audit').query({ from: since }).expect(200);
    // The same instant as `since`, written 20:19 behind UTC.
    const shifted = new Date(new Date(since).getTime() - (20 * 60 + 19) * 60_000)
      .toISOString()
      .replace(/Z$/, '-20:19');
    const res = await request(h.app).get('/api/v1/audit').query({ from: shifted }).expect(200);
    expect((res.body as { total: number }).total).toBe((all.body as { total: number }).total);
    await request(h.app)
      .get('/api/v1/audit')
      .query({ from: '0384-05-31T20:17:02-20:19', limit: 5 })
      .expect(200);
  });
});
