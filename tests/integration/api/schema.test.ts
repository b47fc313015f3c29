/**
 * GET /api/v1/schema over HTTP against the real database: labels, relationship types and
 * property keys with the counts the data has (generation records left out), and the catalogue's
 * indexes and constraints.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULLTEXT_INDEX } from '../../../src/main/db/schema';
import { SchemaResponse } from '../../../src/shared/api';
import { openHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await openHarness();
  await request(h.app)
    .post('/api/v1/graph/generate')
    .send({ regions: h.regions, consultants_per_region: 1 })
    .expect(200);
});
afterAll(async () => {
  await h.close();
});

async function count(cypher: string): Promise<number> {
  const { records } = await h.driver.executeQuery(cypher);
  return Number(records[0]?.get('n'));
}

const schema = async () =>
  SchemaResponse.parse((await request(h.app).get('/api/v1/schema').expect(200)).body);

describe('GET /api/v1/schema', () => {
  it('counts every label and relationship type as the data does, without generation records', async () => {
    expect(await count('MATCH (g:SN_GENERATION) RETURN count(g) AS n')).toBeGreaterThan(0);
    const result = await schema();
    expect(result.labels.map((entry) => entry.label)).not.toContain('SN_GENERATION');
    expect(result.labels.map((entry) => entry.label)).toContain('CONSULTANT');
    for (const { label, count: n } of result.labels)
      expect(n, label).toBe(await count(`MATCH (n:\`${label}\`) RETURN count(n) AS n`));
    expect(result.relationship_types.map((entry) => entry.type)).toContain('EMPLOYS');
    for (const { type, count: n } of result.relationship_types)
      expect(n, type).toBe(await count(`MATCH ()-[r:\`${type}\`]->() RETURN count(r) AS n`));
  });

  it('lists property keys with their counts and value types, leaving generation records out', async () => {
    const result = await schema();
    const region = result.property_keys.find((entry) => entry.key === 'region');
    expect(region?.types).toContain('STRING NOT NULL');
    expect(region?.nodes).toBe(
      await count(
        'MATCH (n) WHERE n.region IS NOT NULL AND NOT n:SN_GENERATION RETURN count(n) AS n',
      ),
    );
    // Only the generation records carry finished_at.
    expect(
      await count('MATCH (g:SN_GENERATION) WHERE g.finished_at IS NOT NULL RETURN count(g) AS n'),
    ).toBeGreaterThan(0);
    expect(result.property_keys.map((entry) => entry.key)).not.toContain('finished_at');
    const keys = result.property_keys.map((entry) => entry.key);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    for (const entry of result.property_keys) {
      expect(entry.nodes + entry.relationships, entry.key).toBeGreaterThan(0);
      expect(entry.types.length, entry.key).toBeGreaterThan(0);
    }
  });

  it('lists the indexes and constraints of the database', async () => {
    const result = await schema();
    expect(result.indexes).toContainEqual(
      expect.objectContaining({ name: FULLTEXT_INDEX, type: 'FULLTEXT', entity_type: 'NODE' }),
    );
    expect(result.constraints).toContainEqual(
      expect.objectContaining({
        name: 'consultant_id_unique',
        entity_type: 'NODE',
        labels_or_types: ['CONSULTANT'],
        properties: ['id'],
      }),
    );
    const backing = result.indexes.find((index) => index.name === 'consultant_id_unique');
    expect(backing?.owning_constraint).toBe('consultant_id_unique');
  });

  it('is a cached read that a write drops', async () => {
    const before = await schema();
    const consultants = (s: SchemaResponse) =>
      s.labels.find((entry) => entry.label === 'CONSULTANT')?.count ?? 0;
    await request(h.app)
      .delete('/api/v1/graph/clear')
      .query({ confirm: true, regions: h.regions })
      .expect(200);
    const after = await schema();
    expect(consultants(after)).toBe(consultants(before) - h.regions.length);
  });
});
