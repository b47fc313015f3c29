/**
 * Edits over REST and IPC against the real database: create, update and delete nodes and
 * relationships, bulk updates and undo change exactly what they should (checked with direct
 * Cypher), a stale version is answered 409 with the current values, bad input names the field,
 * an empty selection is refused, previews write nothing, protection levels apply.
 */
import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeDetails } from '../../../src/shared/api';
import { EditResult, RelationshipDetails, UndoStatus } from '../../../src/shared/edit';
import { AppError, ErrorBody } from '../../../src/shared/errors';
import { countRegions, openHarness, type Harness } from './harness';
import { ipcClient } from './ipc';

const errorOf = (body: unknown) => ErrorBody.parse(body).error;

const company = (region: string, n: number) => ({
  id: `${region}-CO-${n}`,
  name: `Pension Fund ${n}`,
  region,
  sales_region: 'East',
  channel: 'Direct',
  pca: 'PCA',
  aca: 'ACA',
  privacy: 'Public',
  aum: 1_000_000 * n,
});
const product = (region: string, n: number) => ({
  id: `${region}-P-${n}`,
  name: `Global Equity ${n}`,
  region,
  asset_class: 'Equities',
  universe_name: 'Global',
  universe_score: 4,
  jpm_flag: 'Y',
});
const owns = (status = 'Active') => ({
  mandate_status: status,
  value: 5_000,
  start_date: '2021-03-04',
  consultant: 'C-1',
});

async function cypher(h: Harness, query: string, parameters: Record<string, unknown> = {}) {
  const { records } = await h.driver.executeQuery(query, parameters);
  return records.map((r) => r.toObject() as Record<string, unknown>);
}
/** The audit entries of edits that name the region (summaries name the ids), oldest first. */
async function auditOf(h: Harness, region: string) {
  const rows = await cypher(
    h,
    'MATCH (a:AuditEntry) WHERE a.summary CONTAINS $region RETURN a.action AS action, a.client AS client, a.summary AS summary, a.counts_json AS counts, a.cypher AS cypher ORDER BY a.at, a.id',
    { region },
  );
  return rows.map((r) => ({
    action: r.action,
    client: r.client,
    summary: String(r.summary),
    counts: JSON.parse(String(r.counts)) as Record<string, number>,
    cypher: String(r.cypher),
  }));
}

/** Removes this file's audit entries along with its regions. */
async function closeHarness(h: Harness, region: string): Promise<void> {
  await cypher(h, 'MATCH (a:AuditEntry) WHERE a.summary CONTAINS $region DELETE a', { region });
  await h.close();
}

const num = (value: unknown): number => (neo4j.isInt(value) ? value.toNumber() : Number(value));

describe('edits over REST', () => {
  let h: Harness;
  let region = '';
  beforeAll(async () => {
    h = await openHarness({}, { regions: 1 });
    region = h.regions[0] ?? '';
  });
  afterAll(() => closeHarness(h, region));

  const post = (path: string, body: object) => request(h.app).post(path).send(body);

  it('creates nodes and a relationship, with a _version the views do not show', async () => {
    const created = await post('/api/v1/nodes', {
      label: 'COMPANY',
      properties: company(region, 1),
    });
    expect(created.status).toBe(200);
    const result = EditResult.parse(created.body);
    expect(result).toMatchObject({ action: 'create', preview: false, version: 0 });
    expect(result.counts.nodes_created).toBe(1);
    expect(result.node?.properties).not.toHaveProperty('_version');
    expect(result.statements[0]?.cypher).toContain('$properties');
    await post('/api/v1/nodes', { label: 'PRODUCT', properties: product(region, 1) }).expect(200);
    await post('/api/v1/nodes', { label: 'PRODUCT', properties: product(region, 2) }).expect(200);
    const rel = EditResult.parse(
      (
        await post('/api/v1/relationships', {
          type: 'OWNS',
          source: { label: 'COMPANY', id: `${region}-CO-1` },
          target: { label: 'PRODUCT', id: `${region}-P-1` },
          properties: owns(),
        }).expect(200)
      ).body,
    );
    expect(rel.counts.relationships_created).toBe(1);
    expect(rel.relationship).toMatchObject({
      type: 'OWNS',
      source: `COMPANY:${region}-CO-1`,
      target: `PRODUCT:${region}-P-1`,
    });
    const rows = await cypher(
      h,
      'MATCH (c:COMPANY {id: $id})-[r:OWNS]->(p) RETURN r._version AS v, r.start_date AS d, c._version AS cv, c.aum AS aum',
      { id: `${region}-CO-1` },
    );
    expect(rows).toHaveLength(1);
    expect(num(rows[0]?.v)).toBe(0);
    expect(num(rows[0]?.cv)).toBe(0);
    // Dates are stored as dates, numbers as numbers.
    expect(neo4j.isDate(rows[0]?.d)).toBe(true);
    expect(num(rows[0]?.aum)).toBe(1_000_000);
    const details = NodeDetails.parse(
      (await request(h.app).get(`/api/v1/nodes/COMPANY/${region}-CO-1`).expect(200)).body,
    );
    expect(details.version).toBe(0);
    expect(details.node.properties).not.toHaveProperty('_version');
  });

  it('refuses a duplicate id and a second relationship between the same ends (409)', async () => {
    const dup = await post('/api/v1/nodes', { label: 'COMPANY', properties: company(region, 1) });
    expect(dup.status).toBe(409);
    expect(errorOf(dup.body)).toMatchObject({
      code: 'CONFLICT',
      details: [{ field: 'properties.id' }],
    });
    const again = await post('/api/v1/relationships', {
      type: 'OWNS',
      source: { label: 'COMPANY', id: `${region}-CO-1` },
      target: { label: 'PRODUCT', id: `${region}-P-1` },
      properties: owns(),
    });
    expect(again.status).toBe(409);
    const missing = await post('/api/v1/relationships', {
      type: 'OWNS',
      source: { label: 'COMPANY', id: `${region}-CO-1` },
      target: { label: 'PRODUCT', id: `${region}-P-404` },
      properties: owns(),
    });
    expect(missing.status).toBe(404);
    expect(errorOf(missing.body).details?.[0]?.field).toBe('target.id');
    expect(await countRegions(h.driver, h.regions)).toEqual({ nodes: 3, relationships: 1 });
  });

  it('names the field of a validation error', async () => {
    const cases: [string, object, string][] = [
      [
        '/api/v1/nodes',
        { label: 'COMPANY', properties: { ...company(region, 9), privacy: 'Secret' } },
        'properties.privacy',
      ],
      [
        '/api/v1/nodes',
        { label: 'COMPANY', properties: { ...company(region, 9), aum: -1 } },
        'properties.aum',
      ],
      [
        '/api/v1/nodes',
        { label: 'COMPANY', properties: { ...company(region, 9), colour: 'red' } },
        'properties.colour',
      ],
      ['/api/v1/nodes', { label: 'ROBOT', properties: {} }, 'label'],
      [
        '/api/v1/relationships',
        {
          type: 'OWNS',
          source: { label: 'COMPANY', id: 'x' },
          target: { label: 'CONSULTANT', id: 'y' },
          properties: owns(),
        },
        'target.label',
      ],
      [
        '/api/v1/relationships',
        {
          type: 'COVERS',
          source: { label: 'CONSULTANT', id: 'x' },
          target: { label: 'COMPANY', id: 'y' },
          properties: { level_of_influence: 7, coverage_type: 'Primary' },
        },
        'properties.level_of_influence',
      ],
    ];
    for (const [path, body, field] of cases) {
      const res = await post(path, body);
      expect(res.status, field).toBe(400);
      expect(errorOf(res.body).details?.map((d) => d.field)).toContain(field);
    }
    const patch = await request(h.app)
      .patch(`/api/v1/nodes/COMPANY/${region}-CO-1`)
      .send({ version: 0, properties: { id: 'other' } });
    expect(patch.status).toBe(400);
    expect(errorOf(patch.body).details?.[0]?.field).toBe('properties.id');
    expect(await countRegions(h.driver, h.regions)).toEqual({ nodes: 3, relationships: 1 });
  });

  it('updates a node at its version; a stale version gets 409 with the current values', async () => {
    const path = `/api/v1/nodes/COMPANY/${region}-CO-1`;
    const preview = EditResult.parse(
      (
        await request(h.app)
          .patch(path)
          .send({ version: 0, properties: { aum: 7 }, preview: true })
          .expect(200)
      ).body,
    );
    expect(preview.preview).toBe(true);
    expect(preview.statements[0]?.cypher).toMatch(/WHERE coalesce\(n\._version, 0\) = \$version/);
    expect(preview.statements[0]?.parameters_summary).toMatchObject({
      id: `"${region}-CO-1"`,
      version: '0',
    });
    const updated = EditResult.parse(
      (
        await request(h.app)
          .patch(path)
          .send({ version: 0, properties: { aum: 2_500, privacy: 'Private' } })
          .expect(200)
      ).body,
    );
    expect(updated.version).toBe(1);
    expect(updated.node?.properties).toMatchObject({
      aum: 2_500,
      privacy: 'Private',
      name: 'Pension Fund 1',
    });
    const rows = await cypher(
      h,
      'MATCH (c:COMPANY {id: $id}) RETURN c.aum AS aum, c.privacy AS p, c._version AS v',
      {
        id: `${region}-CO-1`,
      },
    );
    expect(rows.map((r) => [num(r.aum), r.p, num(r.v)])).toEqual([[2_500, 'Private', 1]]);

    const stale = await request(h.app)
      .patch(path)
      .send({ version: 0, properties: { aum: 1 } });
    expect(stale.status).toBe(409);
    const error = errorOf(stale.body);
    expect(error.code).toBe('CONFLICT');
    expect(error.current).toMatchObject({
      version: 1,
      properties: { aum: 2_500, privacy: 'Private' },
    });
    expect(error.current?.properties).not.toHaveProperty('_version');
    expect(
      num(
        (
          await cypher(h, 'MATCH (c:COMPANY {id: $id}) RETURN c.aum AS aum', {
            id: `${region}-CO-1`,
          })
        )[0]?.aum,
      ),
    ).toBe(2_500);

    const gone = await request(h.app)
      .patch(`/api/v1/nodes/COMPANY/${region}-CO-404`)
      .send({ version: 0, properties: { aum: 1 } });
    expect(gone.status).toBe(404);
  });

  it('undoes the last edit, audited by version, and says when there is none', async () => {
    const status = UndoStatus.parse(
      (await request(h.app).get('/api/v1/edits/undo').expect(200)).body,
    );
    expect(status).toMatchObject({
      available: true,
      summary: expect.stringContaining('aum') as unknown,
    });
    const undone = EditResult.parse((await post('/api/v1/edits/undo', {}).expect(200)).body);
    expect(undone).toMatchObject({ action: 'undo', undo_available: false });
    const rows = await cypher(
      h,
      'MATCH (c:COMPANY {id: $id}) RETURN c.aum AS aum, c.privacy AS p, c._version AS v',
      {
        id: `${region}-CO-1`,
      },
    );
    expect(rows.map((r) => [num(r.aum), r.p, num(r.v)])).toEqual([[1_000_000, 'Public', 2]]);
    const none = await post('/api/v1/edits/undo', {});
    expect(none.status).toBe(404);
  });

  it('updates and deletes a relationship at its version, and undoes the delete', async () => {
    const [row] = await cypher(
      h,
      'MATCH (:COMPANY {id: $id})-[r:OWNS]->() RETURN elementId(r) AS key',
      { id: `${region}-CO-1` },
    );
    const key = String(row?.key);
    const details = RelationshipDetails.parse(
      (
        await request(h.app)
          .get(`/api/v1/relationships/${encodeURIComponent(key)}`)
          .expect(200)
      ).body,
    );
    expect(details).toMatchObject({
      version: 0,
      source: { id: `${region}-CO-1` },
      target: { id: `${region}-P-1` },
    });
    const path = `/api/v1/relationships/${encodeURIComponent(key)}`;
    // A property of OWNS to an INCUMBENT_PRODUCT does not fit an OWNS to a PRODUCT.
    const wrongKind = await request(h.app)
      .patch(path)
      .send({ type: 'OWNS', version: 0, properties: { manager: 'X' } });
    expect(wrongKind.status).toBe(400);
    expect(errorOf(wrongKind.body).details?.[0]?.field).toBe('properties.manager');
    const updated = EditResult.parse(
      (
        await request(h.app)
          .patch(path)
          .send({ type: 'OWNS', version: 0, properties: { mandate_status: 'At Risk' } })
          .expect(200)
      ).body,
    );
    expect(updated).toMatchObject({
      version: 1,
      relationship: { properties: { mandate_status: 'At Risk' } },
    });
    const stale = await request(h.app).delete(path).query({ type: 'OWNS', version: 0 });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).current).toMatchObject({
      version: 1,
      properties: { mandate_status: 'At Risk' },
    });
    const deleted = EditResult.parse(
      (await request(h.app).delete(path).query({ type: 'OWNS', version: 1 }).expect(200)).body,
    );
    expect(deleted.counts.relationships_deleted).toBe(1);
    expect((await countRegions(h.driver, h.regions)).relationships).toBe(0);
    await post('/api/v1/edits/undo', {}).expect(200);
    const back = await cypher(
      h,
      'MATCH (:COMPANY {id: $id})-[r:OWNS]->(p) RETURN r.mandate_status AS s, r._version AS v, p.id AS p',
      {
        id: `${region}-CO-1`,
      },
    );
    expect(back.map((r) => [r.s, num(r.v), r.p])).toEqual([['At Risk', 2, `${region}-P-1`]]);
  });

  it('bulk-updates a selection, all or none; an empty selection is refused', async () => {
    await post('/api/v1/relationships', {
      type: 'OWNS',
      source: { label: 'COMPANY', id: `${region}-CO-1` },
      target: { label: 'PRODUCT', id: `${region}-P-2` },
      properties: owns('Conversion in Progress'),
    }).expect(200);
    const rels = await cypher(
      h,
      'MATCH (:COMPANY {id: $id})-[r:OWNS]->(p) RETURN elementId(r) AS key, coalesce(r._version, 0) AS v ORDER BY p.id',
      {
        id: `${region}-CO-1`,
      },
    );
    const items = rels.map((r) => ({ key: String(r.key), version: num(r.v) }));
    expect(items).toHaveLength(2);
    const empty = await post('/api/v1/relationships/bulk-update', {
      type: 'OWNS',
      items: [],
      properties: { mandate_status: 'Active' },
    });
    expect(empty.status).toBe(400);
    expect(errorOf(empty.body).details?.[0]?.field).toBe('items');
    // One stale version: nothing is written.
    const stale = await post('/api/v1/relationships/bulk-update', {
      type: 'OWNS',
      items: [items[0], { ...items[1], version: 7 }],
      properties: { mandate_status: 'Active' },
    });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).details?.[0]?.field).toBe('items.1.version');
    const statuses = async () =>
      (
        await cypher(
          h,
          'MATCH (:COMPANY {id: $id})-[r:OWNS]->(p) RETURN r.mandate_status AS s ORDER BY p.id',
          { id: `${region}-CO-1` },
        )
      ).map((r) => r.s);
    expect(await statuses()).toEqual(['At Risk', 'Conversion in Progress']);
    const bulk = EditResult.parse(
      (
        await post('/api/v1/relationships/bulk-update', {
          type: 'OWNS',
          items,
          properties: { mandate_status: 'Active' },
        }).expect(200)
      ).body,
    );
    expect(bulk).toMatchObject({ action: 'bulk-update', relationships_affected: 2 });
    expect(bulk.counts.properties_set).toBe(4);
    expect(await statuses()).toEqual(['Active', 'Active']);
    await post('/api/v1/edits/undo', {}).expect(200);
    expect(await statuses()).toEqual(['At Risk', 'Conversion in Progress']);
  });

  it('deletes a node with its relationships (counted), previewed first, and undoes it', async () => {
    const path = `/api/v1/nodes/COMPANY/${region}-CO-1`;
    const before = await countRegions(h.driver, h.regions);
    const { version } = NodeDetails.parse((await request(h.app).get(path).expect(200)).body);
    const preview = EditResult.parse(
      (await request(h.app).delete(path).query({ version, preview: true }).expect(200)).body,
    );
    expect(preview).toMatchObject({ preview: true, relationships_affected: 2 });
    expect(preview.statements[0]?.cypher).toContain('DETACH DELETE n');
    expect(await countRegions(h.driver, h.regions)).toEqual(before);
    const deleted = EditResult.parse(
      (await request(h.app).delete(path).query({ version }).expect(200)).body,
    );
    expect(deleted.counts).toMatchObject({ nodes_deleted: 1, relationships_deleted: 2 });
    expect(deleted.summary).toContain('2 relationships');
    expect(await countRegions(h.driver, h.regions)).toEqual({
      nodes: before.nodes - 1,
      relationships: 0,
    });
    const undone = EditResult.parse((await post('/api/v1/edits/undo', {}).expect(200)).body);
    expect(undone.counts).toMatchObject({ nodes_created: 1, relationships_created: 2 });
    expect(await countRegions(h.driver, h.regions)).toEqual(before);
    const back = await cypher(
      h,
      'MATCH (c:COMPANY {id: $id})-[r:OWNS]->(p) RETURN c.name AS name, r.mandate_status AS s ORDER BY p.id',
      {
        id: `${region}-CO-1`,
      },
    );
    expect(back).toEqual([
      { name: 'Pension Fund 1', s: 'At Risk' },
      { name: 'Pension Fund 1', s: 'Conversion in Progress' },
    ]);
  });

  it('audits every edit in its transaction, naming the client and counts; refused edits leave none', async () => {
    const entries = await auditOf(h, region);
    expect(entries.map((e) => e.action)).toEqual([
      'create',
      'create',
      'create',
      'create',
      'update',
      'undo',
      'update',
      'delete',
      'undo',
      'create',
      'bulk-update',
      'undo',
      'delete',
      'undo',
    ]);
    expect(new Set(entries.map((e) => e.client))).toEqual(new Set(['rest']));
    const deleted = entries.find((e) => e.summary.startsWith('Deleted COMPANY'));
    expect(deleted?.counts).toMatchObject({ nodes_deleted: 1, relationships_deleted: 2 });
    expect(deleted?.cypher).toContain('DETACH DELETE n');
    const bulk = entries.find((e) => e.action === 'bulk-update');
    expect(bulk?.counts.properties_set).toBe(4);
    // Parameters are never recorded: only their names appear in the Cypher.
    for (const entry of entries) expect(entry.cypher).not.toContain('Pension Fund');
  });

  it('documents the edit operations in /openapi.json', async () => {
    const doc = (await request(h.app).get('/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { operationId?: string; responses?: Record<string, unknown> }>
      >;
    };
    const ops = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const name of [
      'createNode',
      'updateNode',
      'deleteNode',
      'createRelationship',
      'updateRelationship',
      'deleteRelationship',
      'bulkUpdateRelationships',
      'undoLastEdit',
    ])
      expect(ops).toContain(name);
    expect(doc.paths['/api/v1/nodes/{label}/{id}']?.patch?.responses).toHaveProperty('409');
  });
});

describe('edits over IPC', () => {
  let h: Harness;
  let region = '';
  let ipc: ReturnType<typeof ipcClient>;
  beforeAll(async () => {
    h = await openHarness({}, { regions: 1 });
    region = h.regions[0] ?? '';
    ipc = ipcClient(h.backend);
  });
  afterAll(async () => {
    ipc.dispose();
    await closeHarness(h, region);
  });

  it('creates, updates with a version check, deletes and undoes', async () => {
    await ipc.call('createNode', { label: 'PRODUCT', properties: product(region, 1) });
    const updated = await ipc.call('updateNode', {
      label: 'PRODUCT',
      id: `${region}-P-1`,
      version: 0,
      properties: { universe_score: 2.5 },
    });
    expect(updated.node?.properties.universe_score).toBe(2.5);
    const stale = ipc.call('updateNode', {
      label: 'PRODUCT',
      id: `${region}-P-1`,
      version: 0,
      properties: { universe_score: 3 },
    });
    await expect(stale).rejects.toBeInstanceOf(AppError);
    await expect(stale).rejects.toMatchObject({
      code: 'CONFLICT',
      current: { version: 1, properties: { universe_score: 2.5 } },
    });
    const invalid = ipc.call('updateNode', {
      label: 'PRODUCT',
      id: `${region}-P-1`,
      version: 1,
      properties: { universe_score: 6 },
    });
    await expect(invalid).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'properties.universe_score' }],
    });
    const deleted = await ipc.call('deleteNode', {
      label: 'PRODUCT',
      id: `${region}-P-1`,
      version: 1,
    });
    expect(deleted.counts.nodes_deleted).toBe(1);
    expect((await countRegions(h.driver, h.regions)).nodes).toBe(0);
    expect(await ipc.call('getUndoStatus', {})).toMatchObject({ available: true });
    await ipc.call('undoLastEdit', {});
    const rows = await cypher(
      h,
      'MATCH (p:PRODUCT {id: $id}) RETURN p.universe_score AS s, p._version AS v',
      { id: `${region}-P-1` },
    );
    expect(rows.map((r) => [r.s, num(r.v)])).toEqual([[2.5, 2]]);
    const entries = await auditOf(h, region);
    expect(entries.map((e) => [e.action, e.client])).toEqual([
      ['create', 'ipc'],
      ['update', 'ipc'],
      ['delete', 'ipc'],
      ['undo', 'ipc'],
    ]);
  });
});

describe('edits under protection levels', () => {
  it('read-only refuses every edit (403) and writes nothing; a preview still answers', async () => {
    const h = await openHarness({ PROTECTION: 'read-only' }, { regions: 1 });
    try {
      const [region = ''] = h.regions;
      const refused = [
        await request(h.app)
          .post('/api/v1/nodes')
          .send({ label: 'PRODUCT', properties: product(region, 1), confirm: true }),
        await request(h.app)
          .patch(`/api/v1/nodes/PRODUCT/${region}-P-1`)
          .send({ version: 0, properties: { name: 'x' } }),
        await request(h.app).delete(`/api/v1/nodes/PRODUCT/${region}-P-1`).query({ version: 0 }),
        await request(h.app)
          .post('/api/v1/relationships/bulk-update')
          .send({
            type: 'OWNS',
            items: [{ key: 'k', version: 0 }],
            properties: { mandate_status: 'Active' },
          }),
        await request(h.app).post('/api/v1/edits/undo').send({}),
      ];
      for (const res of refused) {
        expect(res.status).toBe(403);
        expect(errorOf(res.body).code).toBe('WRITE_NOT_ALLOWED');
      }
      const preview = await request(h.app)
        .post('/api/v1/nodes')
        .send({ label: 'PRODUCT', properties: product(region, 1), preview: true });
      expect(preview.status).toBe(200);
      expect(await countRegions(h.driver, h.regions)).toEqual({ nodes: 0, relationships: 0 });
      expect(await auditOf(h, region)).toEqual([]);
    } finally {
      await closeHarness(h, h.regions[0] ?? '');
    }
  });

  it('confirm runs an edit only with confirm: true (428 otherwise)', async () => {
    const h = await openHarness({ PROTECTION: 'confirm' }, { regions: 1 });
    try {
      const [region = ''] = h.regions;
      const unconfirmed = await request(h.app)
        .post('/api/v1/nodes')
        .send({ label: 'PRODUCT', properties: product(region, 1) });
      expect(unconfirmed.status).toBe(428);
      expect(errorOf(unconfirmed.body)).toMatchObject({
        code: 'CONFIRMATION_REQUIRED',
        details: [{ field: 'confirm' }],
      });
      expect((await countRegions(h.driver, h.regions)).nodes).toBe(0);
      expect(await auditOf(h, region)).toEqual([]);
      await request(h.app)
        .post('/api/v1/nodes')
        .send({ label: 'PRODUCT', properties: product(region, 1), confirm: true })
        .expect(200);
      expect((await countRegions(h.driver, h.regions)).nodes).toBe(1);
    } finally {
      await closeHarness(h, h.regions[0] ?? '');
    }
  });
});
