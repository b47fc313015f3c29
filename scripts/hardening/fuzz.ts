/**
 * API fuzzing driven by `/openapi.json`: for every operation, cases drawn from its parameter and
 * body schemas (valid and hostile), sent over HTTP. Passes when no response is a 5xx, every 4xx
 * has the documented error shape, every 2xx matches the contract's output schema, requests
 * without the token get 401, and node/relationship counts are unchanged after each operation.
 * Generation and clearing are fuzzed on their validation only: a case the server would accept
 * is not sent (it would write), and is counted as skipped.
 */
import fc from 'fast-check';
import { parse as parseQuery } from 'node:querystring';
import type { z } from 'zod';
import { contract, OPERATION_NAMES, type OperationName } from '../../src/shared/contract';
import { ClearInput, GenerateRequest } from '../../src/shared/api';
import { decodeInput } from '../../src/shared/http';
import type { Config } from '../../src/main/config/env';
import { resolveParams } from '../../src/main/services/generation/params';
import { encodePart, errorShapeProblem, http, type HttpResponse } from './lib/http';
import {
  COMPACT_MEDIA_TYPE,
  CompactGraph,
  CompactLine,
  NDJSON_MEDIA_TYPE,
} from '../../src/shared/compact-graph';
import { caseArb, type Document, type Schema } from './lib/schema-arb';
import type { ProofResult } from './lib/report';

type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema: Schema }> };
};
type Case = { path: string; body?: unknown; raw?: string; withToken: boolean };

const TOKEN_PREFIXES = ['/api', '/health', '/metrics'];

function operationOf(method: string, path: string): OperationName | undefined {
  return OPERATION_NAMES.find((name) => {
    const http = contract[name].http;
    return http.method === method && http.path.replace(/:(\w+)/g, '{$1}') === path;
  });
}

function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value])
      parts.push(
        `${encodePart(key)}=${encodePart(typeof item === 'object' ? JSON.stringify(item) : String(item))}`,
      );
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Values from the dataset, mixed into the schema's cases so success paths are reached too. */
type Known = Record<string, unknown[]>;
const READ_QUERIES = [
  'MATCH (c:CONSULTANT) RETURN c LIMIT 5',
  'MATCH p = (:COMPANY)-[:OWNS]->(:PRODUCT) RETURN p LIMIT 5',
  'MATCH (n) RETURN labels(n) AS l, count(*) AS n',
  'RETURN $x AS x',
];

function withKnown(name: string, arb: fc.Arbitrary<unknown>, known: Known): fc.Arbitrary<unknown> {
  const values = known[name];
  return values?.length ? fc.oneof(arb, fc.constantFrom(...values)) : arb;
}

function casesFor(
  path: string,
  op: Operation,
  doc: Document,
  runs: number,
  seed: number,
  known: Known,
): Case[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const arb = fc.record({
    path: fc.record(
      Object.fromEntries(
        pathParams.map((p) => [p.name, withKnown(p.name, caseArb(p.schema, doc), known)]),
      ),
    ),
    query: fc.record(
      Object.fromEntries(
        queryParams.map((p) => [p.name, withKnown(p.name, caseArb(p.schema, doc), known)]),
      ),
      { requiredKeys: [] },
    ),
    body: bodySchema
      ? fc.option(
          path === '/api/v1/graph/query'
            ? fc.oneof(
                caseArb(bodySchema, doc),
                fc.record({
                  query: fc.constantFrom(...READ_QUERIES),
                  parameters: fc.constant({ x: 1 }),
                }),
              )
            : caseArb(bodySchema, doc),
          { freq: 10 },
        )
      : fc.constant(undefined),
    // Now and then a body that is not JSON at all.
    raw: fc.option(fc.constantFrom('{', '{"a":', 'null', '[]', '"x"', 'not json'), { freq: 12 }),
    // Nine cases in ten carry the token; the others must be refused with 401.
    withToken: fc.integer({ min: 0, max: 9 }).map((n) => n !== 0),
  });
  return fc.sample(arb, { numRuns: runs, seed }).map((drawn) => {
    const resolved = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = drawn.path[name];
      const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
      return encodePart(text === '' ? ' ' : text);
    });
    return {
      path: `${resolved}${queryString(drawn.query)}`,
      body: drawn.body ?? undefined,
      raw: bodySchema ? (drawn.raw ?? undefined) : undefined,
      withToken: drawn.withToken,
    };
  });
}

/** True when the server would accept the case and write: such cases are not sent. */
function wouldWrite(name: OperationName | undefined, c: Case, config: Config): boolean {
  const [, search = ''] = c.path.split('?');
  const query = parseQuery(search) as Record<string, unknown>;
  if (name === 'clearGraph') {
    const input = decodeInput('clearGraph', { params: {}, query, body: undefined });
    return ClearInput.safeParse(input).success || /confirm=(?!false|0|no)/i.test(search);
  }
  if (name === 'startGeneration') {
    // A raw body that parses as JSON (`null` reads as no body) is judged like any other.
    let body = c.body;
    if (c.raw !== undefined) {
      try {
        body = JSON.parse(c.raw) as unknown;
      } catch {
        return false;
      }
    }
    const parsed = GenerateRequest.safeParse(
      decodeInput('startGeneration', { params: {}, query: {}, body }),
    );
    if (!parsed.success) return false;
    try {
      resolveParams(parsed.data, config);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

function check(
  name: OperationName | undefined,
  c: Case,
  res: HttpResponse,
  needsToken: boolean,
): string | undefined {
  if (needsToken && !c.withToken)
    return res.status === 401
      ? errorShapeProblem(res)
      : `expected 401 without token, got ${res.status}`;
  if (res.status >= 500) return `${res.status}: ${res.text.slice(0, 200)}`;
  if (res.status >= 400) return errorShapeProblem(res);
  if (!name) return undefined;
  // A view asked for in the compact format answers its own media type, each with its schema.
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  if (type === NDJSON_MEDIA_TYPE) {
    const lines = res.text.split('\n').filter((line) => line.length > 0);
    const bad = lines.findIndex((line) => !CompactLine.safeParse(JSON.parse(line)).success);
    return bad === -1 ? undefined : `NDJSON line ${bad + 1} does not match the compact line schema`;
  }
  const output = (type === COMPACT_MEDIA_TYPE ? CompactGraph : contract[name].output) as z.ZodType;
  const parsed = output.safeParse(res.json);
  return parsed.success
    ? undefined
    : `2xx body does not match ${name} output: ${parsed.error.message.slice(0, 200)}`;
}

export type FuzzOptions = {
  url: string;
  token: string;
  config: Config;
  runs: number;
  seed: number;
  counts: () => Promise<{ nodes: number; relationships: number }>;
};

export async function fuzzApi(options: FuzzOptions): Promise<ProofResult> {
  const docResponse = await http(options.url, '/openapi.json');
  const doc = docResponse.json as Document & { paths: Record<string, Record<string, Operation>> };
  const sample = await http(options.url, '/api/v1/graph/region/NAI?limit=30', {
    token: options.token,
  });
  const nodes =
    (sample.json as { nodes?: { id: string; name: string }[] } | undefined)?.nodes ?? [];
  const known: Known = {
    region: ['NAI', 'EMEA', 'APAC'],
    id: nodes.map((n) => n.id),
    q: nodes.map((n) => n.name.split(' ')[0] ?? n.name),
  };
  const failures: string[] = [];
  let sent = 0;
  let skipped = 0;
  let endpoints = 0;
  const byStatus = new Map<number, number>();
  const statusClasses: Record<string, Record<string, number>> = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      const name = operationOf(upper, path);
      const needsToken = TOKEN_PREFIXES.some((prefix) => path.startsWith(prefix));
      endpoints += 1;
      const before = await options.counts();
      const label = `${upper} ${path}`;
      const classes: Record<string, number> = {};
      for (const c of casesFor(path, op, doc, options.runs, options.seed + endpoints, known)) {
        if (c.withToken && wouldWrite(name, c, options.config)) {
          skipped += 1;
          continue;
        }
        let res: HttpResponse;
        try {
          res = await http(options.url, c.path, {
            method: upper,
            body: c.raw === undefined ? c.body : undefined,
            raw: c.raw,
            token: c.withToken ? options.token : undefined,
            // The events stream would stay open for a real job; fuzzed ids are never real.
            timeoutMs: 30_000,
          });
        } catch (error) {
          failures.push(
            `${label} ${c.path}: ${error instanceof Error ? error.message : String(error)}`,
          );
          continue;
        }
        sent += 1;
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        const cls = `${Math.floor(res.status / 100)}xx`;
        classes[cls] = (classes[cls] ?? 0) + 1;
        const problem = check(name, c, res, needsToken);
        if (problem && failures.length < 50)
          failures.push(
            `${label} ${c.path} body=${JSON.stringify(c.body ?? c.raw)?.slice(0, 200)}: ${problem}`,
          );
        else if (problem) failures.push('…');
      }
      statusClasses[label] = classes;
      const after = await options.counts();
      if (before.nodes !== after.nodes || before.relationships !== after.relationships)
        failures.push(
          `${label} changed the data: ${JSON.stringify(before)} → ${JSON.stringify(after)}`,
        );
    }
  }
  for (const [label, classes] of Object.entries(statusClasses))
    console.log(
      `  ${label.padEnd(52)} ${Object.entries(classes)
        .map(([k, v]) => `${k}:${v}`)
        .join(' ')}`,
    );
  return {
    name: 'API fuzzing (OpenAPI-driven)',
    ok: failures.length === 0,
    figures: {
      endpoints,
      'cases sent': sent,
      'skipped (would write)': skipped,
      statuses: [...byStatus.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' '),
      failures: failures.length,
      seed: options.seed,
    },
    failures,
  };
}
