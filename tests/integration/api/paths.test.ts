/** POST /api/v1/graph/paths over HTTP on the hand-built fixture network. */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PathsResponse } from '../../../src/shared/api';
import { ErrorBody } from '../../../src/shared/errors';
import { createFilterGraph, type FixtureIds } from '../../fixtures/filter-graph';
import { testDatabase } from '../../support/db';
import { openHarness, type Harness } from './harness';

let h: Harness;
let ids: FixtureIds;

beforeAll(async () => {
  h = await openHarness();
  const [a = '', b = ''] = h.regions;
  ids = await createFilterGraph(h.driver, testDatabase().database, a, b);
});
afterAll(async () => {
  await h.close();
});

const ref = (label: string, id: string) => ({ label, id });
const paths = async (body: object, status = 200) => {
  const res = await request(h.app).post('/api/v1/graph/paths').send(body).expect(status);
  return res.body as unknown;
};
const idsOf = (response: PathsResponse) =>
  response.paths.map((p) => p.nodes.map((key) => key.split(':')[1]));
const errorField = (body: unknown) => ErrorBody.parse(body).error.details?.[0]?.field;

describe('POST /api/v1/graph/paths', () => {
  it('returns every shortest path, in any direction, with the nodes and relationships drawn', async () => {
    const body = PathsResponse.parse(
      await paths({ from: ref('CONSULTANT', ids.C1), to: ref('COMPANY', ids.CO1) }),
    );
    expect(body.length).toBe(2);
    expect(body.truncated).toBe(false);
    // Through the field consultant, and through either product C1 rates and CO1 owns.
    expect(
      idsOf(body)
        .map((p) => p.join('>'))
        .sort(),
    ).toEqual(
      [
        [ids.C1, ids.F1, ids.CO1],
        [ids.C1, ids.P1, ids.CO1],
        [ids.C1, ids.P2, ids.CO1],
      ]
        .map((p) => p.join('>'))
        .sort(),
    );
    const keys = new Set(body.nodes.map((n) => n.key));
    const relationships = new Set(body.relationships.map((r) => r.key));
    for (const path of body.paths) {
      expect(path.relationships).toHaveLength(2);
      for (const key of path.nodes) expect(keys.has(key)).toBe(true);
      for (const key of path.relationships) expect(relationships.has(key)).toBe(true);
    }
    expect(body.relationships.map((r) => r.type).sort()).toEqual(
      ['COVERS', 'EMPLOYS', 'OWNS', 'OWNS', 'RATES', 'RATES'].sort(),
    );
  });

  it('keeps to the chosen relationship types', async () => {
    const body = PathsResponse.parse(
      await paths({
        from: ref('CONSULTANT', ids.C1),
        to: ref('COMPANY', ids.CO1),
        types: ['EMPLOYS', 'COVERS'],
      }),
    );
    expect(idsOf(body)).toEqual([[ids.C1, ids.F1, ids.CO1]]);
    // C2's company and C1's direct client share no coverage, only products (through a rating
    // of C1 or through CO1, which owns both products).
    const longer = PathsResponse.parse(
      await paths({
        from: ref('COMPANY', ids.CO3),
        to: ref('COMPANY', ids.CO4),
        types: ['OWNS', 'RATES'],
      }),
    );
    expect(longer.length).toBe(4);
    expect(
      idsOf(longer)
        .map((p) => p.join('>'))
        .sort(),
    ).toEqual(
      [
        [ids.CO3, ids.P1, ids.C1, ids.P2, ids.CO4].join('>'),
        [ids.CO3, ids.P1, ids.CO1, ids.P2, ids.CO4].join('>'),
      ].sort(),
    );
  });

  it('finds nothing beyond the maximum length or between unconnected nodes', async () => {
    const short = PathsResponse.parse(
      await paths({ from: ref('CONSULTANT', ids.C1), to: ref('COMPANY', ids.CO1), max_length: 1 }),
    );
    expect(short).toMatchObject({ paths: [], nodes: [], relationships: [], length: null });
    const apart = PathsResponse.parse(
      await paths({ from: ref('CONSULTANT', ids.C1), to: ref('CONSULTANT', ids.C3) }),
    );
    expect(apart.paths).toEqual([]);
    const orphan = PathsResponse.parse(
      await paths({ from: ref('PRODUCT', ids.P9), to: ref('PRODUCT', ids.P1) }),
    );
    expect(orphan.length).toBeNull();
  });

  it('caps the number of paths and says so', async () => {
    const body = PathsResponse.parse(
      await paths({ from: ref('CONSULTANT', ids.C1), to: ref('COMPANY', ids.CO1), limit: 1 }),
    );
    expect(body.paths).toHaveLength(1);
    expect(body.truncated).toBe(true);
    expect(body.nodes).toHaveLength(3);
  });

  it('answers 404 naming the end that does not exist', async () => {
    const missing = await paths(
      { from: ref('CONSULTANT', ids.C1), to: ref('COMPANY', 'NO-SUCH-CO') },
      404,
    );
    expect(errorField(missing)).toBe('to.id');
    // An id of another label is not that node.
    const wrongLabel = await paths(
      { from: ref('COMPANY', ids.C1), to: ref('COMPANY', ids.CO1) },
      404,
    );
    expect(errorField(wrongLabel)).toBe('from.id');
  });

  it('refuses invalid requests naming the field', async () => {
    const c1 = ref('CONSULTANT', ids.C1);
    const co1 = ref('COMPANY', ids.CO1);
    expect(errorField(await paths({ from: c1, to: c1 }, 400))).toBe('to');
    expect(errorField(await paths({ from: c1, to: co1, max_length: 11 }, 400))).toBe('max_length');
    expect(errorField(await paths({ from: c1, to: co1, types: [] }, 400))).toBe('types');
    expect(errorField(await paths({ from: c1, to: co1, types: ['KNOWS'] }, 400))).toBe('types.0');
    expect(errorField(await paths({ from: c1, to: { label: 'PERSON', id: 'x' } }, 400))).toBe(
      'to.label',
    );
    expect(errorField(await paths({ from: c1, to: co1, extra: 1 }, 400))).toBeDefined();
  });
});
