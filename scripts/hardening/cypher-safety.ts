/**
 * Cypher safety over HTTP: a corpus of write attempts against POST /api/v1/graph/query (default
 * read-only mode, and asking for writes on a server that does not allow them), and injection
 * strings in every user-controlled value (region path parameter, filter values, search terms,
 * node ids, smart-query parameters, generate and clear regions). Each must be refused with a 4xx
 * in the error shape or answered as plain data, and the node and relationship counts must not
 * move.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePart, errorShapeProblem, http, type HttpOptions } from './lib/http';
import { NASTY_STRINGS } from './lib/schema-arb';
import type { ProofResult } from './lib/report';

/** The string as UTF-8 can carry it: lone surrogates become U+FFFD on the way to the database. */
const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export const WRITE_CORPUS = [
  "CREATE (n:CONSULTANT {id: 'evil', name: 'x', region: 'NAI'})",
  'create (n:X) return n',
  "MERGE (n:COMPANY {id: 'evil'}) RETURN n",
  'MATCH (n) SET n.hacked = true',
  'MATCH (n:CONSULTANT) WITH n LIMIT 1 SET n:Hacked',
  'MATCH (n) DELETE n',
  'MATCH ()-[r]->() DELETE r',
  'MATCH (n) REMOVE n.name',
  'MATCH (n) REMOVE n:CONSULTANT',
  'MATCH (n) DETACH DELETE n',
  'MATCH (n) RETURN n LIMIT 1 UNION MATCH (n) DETACH DELETE n RETURN n',
  '/* comment */ CREATE (n:X)',
  'RETURN 1; CREATE (n:X)',
  'FOREACH (x IN [1] | CREATE (:X))',
  'UNWIND range(1, 10) AS i CREATE (:X {i: i})',
  'CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS',
  'MATCH (n) CALL (n) { SET n.x = 1 } IN TRANSACTIONS OF 10 ROWS',
  'CALL () { CREATE (:X) } IN TRANSACTIONS',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line CREATE (:X {l: line})",
  'CREATE INDEX evil_index IF NOT EXISTS FOR (n:X) ON (n.y)',
  'CREATE CONSTRAINT evil_constraint IF NOT EXISTS FOR (n:X) REQUIRE n.y IS UNIQUE',
  'DROP CONSTRAINT consultant_id_unique',
  'DROP INDEX consultant_region',
  'CREATE DATABASE evil',
  'STOP DATABASE neo4j',
  'DROP DATABASE neo4j',
  "CREATE USER evil SET PASSWORD 'evil-password-1' CHANGE NOT REQUIRED",
  "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'y'",
  'GRANT ROLE admin TO evil',
  'TERMINATE TRANSACTIONS "neo4j-transaction-1"',
  "CALL db.createLabel('Evil')",
  "CALL db.createProperty('evil')",
  'CALL db.clearQueryCaches()',
  "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
  'USE system CREATE USER evil2 SET PASSWORD "evil-password-2"',
];

/** The smart-query catalogue shipped with the app, run with hostile parameters. */
type CatalogueEntry = {
  id: string;
  cypher: string;
  parameters: Record<string, { from?: string; value?: unknown }>;
};
function catalogue(): CatalogueEntry[] {
  const file = fileURLToPath(
    new URL('../../src/renderer/src/features/smart-queries/catalogue.json', import.meta.url),
  );
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: CatalogueEntry[] }).queries;
}

export type SafetyOptions = {
  url: string;
  token: string;
  counts: () => Promise<{ nodes: number; relationships: number }>;
};

export async function cypherSafety(options: SafetyOptions): Promise<ProofResult> {
  const failures: string[] = [];
  let writeAttempts = 0;
  let refused = 0;
  let injections = 0;
  let asData = 0;
  const start = await options.counts();
  const send = (path: string, init: HttpOptions = {}) =>
    http(options.url, path, { token: options.token, ...init });

  for (const query of WRITE_CORPUS) {
    for (const readOnly of [undefined, false]) {
      writeAttempts += 1;
      const body = readOnly === undefined ? { query } : { query, read_only: readOnly };
      const res = await send('/api/v1/graph/query', { method: 'POST', body });
      const problem =
        res.status >= 400 && res.status < 500 ? errorShapeProblem(res) : `status ${res.status}`;
      if (problem)
        failures.push(
          `write attempt not refused (${JSON.stringify(body)}): ${problem} ${res.text.slice(0, 160)}`,
        );
      else refused += 1;
    }
    const now = await options.counts();
    if (now.nodes !== start.nodes || now.relationships !== start.relationships)
      failures.push(`counts moved after ${query}: ${JSON.stringify(now)}`);
  }

  // Every user-controlled value, with every injection string.
  const enc = encodePart;
  const targets = (s: string): [string, string, HttpOptions][] => [
    ['region path', `/api/v1/graph/region/${enc(s)}`, {}],
    ['region options path', `/api/v1/filters/options/${enc(s)}`, {}],
    ['options query', `/api/v1/filters/options?region=${enc(s)}`, {}],
    ['filter regions', '/api/v1/graph/filter', { method: 'POST', body: { regions: [s] } }],
    [
      'filter ids',
      '/api/v1/graph/filter',
      { method: 'POST', body: { consultant_ids: [s], company_ids: [s], product_ids: [s] } },
    ],
    [
      'filter enum',
      '/api/v1/graph/filter',
      { method: 'POST', body: { mandate_statuses: [s], ratings: [s] } },
    ],
    [
      'cascading options',
      '/api/v1/filters/options',
      { method: 'POST', body: { field_consultant_ids: [s], channels: [s] } },
    ],
    ['search', `/api/v1/search?q=${enc(s)}`, {}],
    ['search labels', `/api/v1/search?q=a&labels=${enc(s)}&regions=${enc(s)}`, {}],
    ['node id', `/api/v1/nodes/CONSULTANT/${enc(s)}`, {}],
    ['node label', `/api/v1/nodes/${enc(s)}/x`, {}],
    ['neighbours id', `/api/v1/nodes/COMPANY/${enc(s)}/neighbours?types=${enc(s)}`, {}],
    [
      'query parameter',
      '/api/v1/graph/query',
      { method: 'POST', body: { query: 'RETURN $p AS p', parameters: { p: s } } },
    ],
    [
      'generate regions',
      '/api/v1/graph/generate',
      { method: 'POST', body: { regions: [s], consultants_per_region: 1 } },
    ],
    ['clear regions', `/api/v1/graph/clear?confirm=true&regions=${enc(s)}`, { method: 'DELETE' }],
    ['job id', `/api/v1/graph/generate/jobs/${enc(s)}`, {}],
  ];
  const strings = NASTY_STRINGS.filter((s) => s.trim() !== '');
  for (const s of strings) {
    for (const [what, path, init] of targets(s)) {
      injections += 1;
      const res = await send(path, init);
      if (res.status >= 500 || res.status < 200)
        failures.push(
          `${what} ${JSON.stringify(s.slice(0, 40))}: ${res.status} ${res.text.slice(0, 160)}`,
        );
      else if (res.status >= 400) {
        const problem = errorShapeProblem(res);
        if (problem) failures.push(`${what}: ${problem}`);
      } else {
        asData += 1;
        if (
          what === 'query parameter' &&
          (res.json as { rows?: { p?: unknown }[] }).rows?.[0]?.p !== wellFormed(s)
        )
          failures.push(`query parameter not returned as plain data: ${JSON.stringify(s)}`);
        if (what === 'clear regions')
          failures.push(`clear accepted region ${JSON.stringify(s)}: ${res.text.slice(0, 160)}`);
      }
    }
  }
  for (const entry of catalogue()) {
    for (const s of strings) {
      injections += 1;
      const parameters = Object.fromEntries(
        Object.entries(entry.parameters).map(([name, spec]) => [name, spec.from ? [s] : s]),
      );
      const res = await send('/api/v1/graph/query', {
        method: 'POST',
        body: { query: entry.cypher, parameters },
      });
      if (res.status >= 500)
        failures.push(`smart query ${entry.id}: ${res.status} ${res.text.slice(0, 160)}`);
      else if (res.status >= 400) {
        const problem = errorShapeProblem(res);
        if (problem) failures.push(`smart query ${entry.id}: ${problem}`);
      } else asData += 1;
    }
  }
  const end = await options.counts();
  if (end.nodes !== start.nodes || end.relationships !== start.relationships)
    failures.push(`counts moved: ${JSON.stringify(start)} → ${JSON.stringify(end)}`);
  return {
    name: 'Cypher safety (write corpus and injection)',
    ok: failures.length === 0,
    figures: {
      'write attempts': writeAttempts,
      'refused (4xx, error shape)': refused,
      'injection cases': injections,
      'answered as plain data': asData,
      'refused as invalid': injections - asData,
      'counts before/after': `${start.nodes}/${start.relationships} → ${end.nodes}/${end.relationships}`,
      failures: failures.length,
    },
    failures,
  };
}
