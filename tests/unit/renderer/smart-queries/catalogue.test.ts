import { describe, expect, it } from 'vitest';
import { bundledCatalogue } from '../../../../src/renderer/src/features/smart-queries/bundled';
import {
  describeProblem,
  parseCatalogue,
  parseCatalogueText,
} from '../../../../src/renderer/src/features/smart-queries/catalogue';
import { smartQueryRequest } from '../../../../src/renderer/src/features/smart-queries/request';
import {
  importEntries,
  loadUserCatalogue,
  saveUserCatalogue,
  USER_CATALOGUE_KEY,
} from '../../../../src/renderer/src/features/smart-queries/user-catalogue';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'my-query',
  title: 'Mine',
  cypher:
    'MATCH (c:CONSULTANT) WHERE $regions IS NULL OR c.region IN $regions RETURN c LIMIT toInteger($limit)',
  parameters: { regions: { from: 'regions' }, limit: { value: 10 } },
  ...over,
});

const memoryStore = () => {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
};

describe('bundled catalogue', () => {
  it('is valid and holds the five analyses', () => {
    const { entries, problems } = bundledCatalogue();
    expect(problems).toEqual([]);
    expect(entries.map((e) => e.id)).toEqual([
      'top-performers',
      'at-risk-mandates',
      'recommendation-opportunities',
      'network-density',
      'products-by-rating',
    ]);
  });

  it('has no write clauses', () => {
    for (const e of bundledCatalogue().entries) {
      expect(e.cypher).not.toMatch(/\b(CREATE|MERGE|DELETE|SET|REMOVE|DROP|LOAD CSV)\b/i);
    }
  });
});

describe('catalogue validation', () => {
  it('keeps good entries and names the bad ones by position, id and field', () => {
    const { entries, problems } = parseCatalogue([
      entry(),
      entry({ id: 'Bad Id' }),
      entry({ id: 'no-cypher', cypher: '' }),
      entry({ id: 'bad-source', parameters: { regions: { from: 'colour' } } }),
      'not an object',
      entry({ id: 'extra', surprise: true }),
    ]);
    expect(entries.map((e) => e.id)).toEqual(['my-query']);
    const text = problems.map(describeProblem);
    expect(text[0]).toMatch(/^Entry 2 \("Bad Id"\): id: /);
    expect(text[1]).toMatch(/^Entry 3 \("no-cypher"\): cypher/);
    expect(text[2]).toMatch(/^Entry 4 \("bad-source"\): parameters\.regions/);
    expect(text[3]).toMatch(/^Entry 5: /);
    expect(text[4]).toMatch(/^Entry 6 \("extra"\): .*surprise/);
  });

  it('refuses a parameter the query does not use', () => {
    const { problems } = parseCatalogue([entry({ parameters: { region: { from: 'regions' } } })]);
    expect(describeProblem(problems[0]!)).toMatch(
      /parameters\.region: parameter "region" is not used/,
    );
  });

  it('refuses duplicated ids and ids taken by the bundled catalogue', () => {
    const { entries, problems } = parseCatalogue([entry(), entry()], new Set(['x']));
    expect(entries).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/already exists/);
    expect(parseCatalogue([entry({ id: 'x' })], new Set(['x'])).entries).toEqual([]);
  });

  it('reports a file that is not JSON or not a list, without throwing', () => {
    expect(parseCatalogueText('{oops').problems[0]?.message).toMatch(/not valid JSON/);
    expect(parseCatalogueText('{"queries": 3}').problems[0]?.message).toMatch(/list of queries/);
    expect(parseCatalogueText(JSON.stringify({ queries: [entry()] })).entries).toHaveLength(1);
  });
});

describe('smart query requests', () => {
  const [e] = parseCatalogue([entry()]).entries;

  it('take list parameters from the filters, null when a filter is empty', () => {
    const request = smartQueryRequest(e!, {
      filters: { regions: ['NAI', 'EMEA'] },
      mode: 'standard',
    });
    expect(request).toMatchObject({
      read_only: true,
      parameters: { regions: ['NAI', 'EMEA'], limit: 10 },
    });
    const any = smartQueryRequest(e!, { filters: { regions: [] }, mode: 'standard' });
    expect(any.parameters).toEqual({ regions: null, limit: 10 });
  });

  it('use an edited fixed value', () => {
    const request = smartQueryRequest(e!, { filters: {}, mode: 'standard' }, { limit: 3 });
    expect(request.parameters).toEqual({ regions: null, limit: 3 });
  });
});

describe('user catalogue', () => {
  it('imports valid entries, reports the rest and survives storage', () => {
    const store = memoryStore();
    const imported = importEntries(
      [],
      JSON.stringify([entry(), entry({ id: 'bad', title: '' })]),
      new Set(),
    );
    expect(imported.added).toBe(1);
    expect(imported.problems).toHaveLength(1);
    saveUserCatalogue(store, imported.entries);
    expect(loadUserCatalogue(store, new Set()).entries.map((x) => x.id)).toEqual(['my-query']);
  });

  it('replaces a same-id entry on re-import', () => {
    const first = importEntries([], JSON.stringify([entry()]), new Set()).entries;
    const second = importEntries(first, JSON.stringify([entry({ title: 'Renamed' })]), new Set());
    expect(second.entries).toEqual([expect.objectContaining({ id: 'my-query', title: 'Renamed' })]);
  });

  it('reads a tampered store as problems, not a crash', () => {
    const store = memoryStore();
    store.data.set(USER_CATALOGUE_KEY, JSON.stringify([{ id: 1 }]));
    const loaded = loadUserCatalogue(store, new Set());
    expect(loaded.entries).toEqual([]);
    expect(loaded.problems).toHaveLength(1);
    store.data.set(USER_CATALOGUE_KEY, 'garbage');
    expect(loadUserCatalogue(store, new Set())).toEqual({ entries: [], problems: [] });
  });
});
