/**
 * The compact view formats over HTTP on a generated region of more than 5,000 nodes: the compact
 * document, the NDJSON stream (read as raw lines and through the renderer's client) and the full
 * JSON response describe the same graph — the same nodes and relationships, in the same order,
 * with the same ends, and the same values of every property the view carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GraphResponse,
  type GraphNode,
  type GraphRelationship,
  type JsonValue,
} from '../../../src/shared/api';
import {
  COMPACT_MEDIA_TYPE,
  CompactGraph,
  NDJSON_MEDIA_TYPE,
  VIEW_NODE_PROPERTIES,
  VIEW_RELATIONSHIP_PROPERTIES,
  createCompactStreamDecoder,
  decodeCompactGraph,
} from '../../../src/shared/compact-graph';
import { startApiServer, type ApiServer } from '../../../src/main/api/server';
import { createHttpClient } from '../../../src/renderer/src/client/http-client';
import { openHarness, type Harness } from './harness';

const CONSULTANTS = 280;
const LIMIT = 20_000;

let h: Harness;
let server: ApiServer;
let A = '';

beforeAll(async () => {
  // About 19 nodes a consultant in the view: over 5,000 nodes in the one region.
  // A shared machine may take long over a 5,000-node read: the time limit is not under test.
  h = await openHarness(
    { MAX_CONSULTANTS_PER_REGION: String(CONSULTANTS), QUERY_TIMEOUT_MS: '600000' },
    { regions: 1 },
  );
  [A = ''] = h.regions;
  server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
  const res = await fetch(`${server.url}/api/v1/graph/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ regions: [A], consultants_per_region: CONSULTANTS, seed: 14 }),
  });
  expect(res.status).toBe(200);
}, 600_000);
afterAll(async () => {
  await server?.close();
  await h?.close();
});

/** The value as the compact format carries it: numbers, strings and booleans (nothing else). */
const carriable = (v: JsonValue | undefined): v is number | string | boolean =>
  typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

function carried(
  properties: Record<string, JsonValue>,
  names: readonly string[],
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const name of names) {
    const v = properties[name];
    if (carriable(v)) out[name] = v;
  }
  return out;
}

/** A full response's node as the view sees it: its identity and the carried properties. */
const viewNode = (n: GraphNode): GraphNode => ({
  ...n,
  properties: {
    id: n.id,
    name: n.name,
    ...(n.region === null ? {} : { region: n.region }),
    ...carried(n.properties, VIEW_NODE_PROPERTIES),
  },
});
const viewRelationship = (r: GraphRelationship): GraphRelationship => ({
  ...r,
  properties: carried(r.properties, VIEW_RELATIONSHIP_PROPERTIES),
});

async function get(path: string, accept: string): Promise<{ type: string; text: string }> {
  const res = await fetch(`${server.url}${path}`, { headers: { accept } });
  expect(res.status).toBe(200);
  return { type: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** The region view in each format: full JSON, compact document (decoded), NDJSON (decoded). */
async function regionViews() {
  const path = `/api/v1/graph/region/${A}?limit=${LIMIT}`;
  const json = await get(path, 'application/json');
  const compact = await get(`${path}&format=compact`, COMPACT_MEDIA_TYPE);
  const ndjson = await get(`${path}&format=ndjson`, NDJSON_MEDIA_TYPE);
  expect(compact.type).toContain(COMPACT_MEDIA_TYPE);
  expect(ndjson.type).toContain(NDJSON_MEDIA_TYPE);
  const decoder = createCompactStreamDecoder();
  const lines = ndjson.text.split('\n');
  for (const line of lines) decoder.push(line);
  expect(decoder.done()).toBe(true);
  return {
    full: GraphResponse.parse(JSON.parse(json.text)),
    fullBytes: Buffer.byteLength(json.text),
    compact: decodeCompactGraph(CompactGraph.parse(JSON.parse(compact.text))),
    compactBytes: Buffer.byteLength(compact.text),
    streamed: decoder.result(),
    lines: lines.filter((l) => l !== '').length,
  };
}

describe('the compact view formats on a region of over 5,000 nodes', () => {
  it('describe the same graph as the full JSON response', async () => {
    const { full, fullBytes, compact, compactBytes, streamed, lines } = await regionViews();
    // The whole view of the region, uncut.
    expect(full.nodes.length).toBeGreaterThanOrEqual(5000);
    expect(full.nodes.length).toBe(full.totals?.nodes);
    expect(full.truncated).toBe(false);
    // Several chunks of nodes and of relationships between the header and the end line.
    expect(lines).toBeGreaterThan(4);

    for (const view of [compact, streamed]) {
      expect(view.totals).toEqual(full.totals);
      expect(view.truncated).toBe(full.truncated);
      expect(view.limit).toBe(full.limit);
      expect(view.mode).toBe(full.mode);
      expect(view.nodes.map((n) => n.key)).toEqual(full.nodes.map((n) => n.key));
      expect(view.nodes).toEqual(full.nodes.map(viewNode));
      expect(view.relationships.map((r) => [r.key, r.type, r.source, r.target])).toEqual(
        full.relationships.map((r) => [r.key, r.type, r.source, r.target]),
      );
      expect(view.relationships).toEqual(full.relationships.map(viewRelationship));
    }
    expect(streamed).toEqual(compact);
    // What the view carries is what it draws with: it is there for every node that has it.
    const sized = full.nodes.filter((n) => n.label === 'CONSULTANT');
    expect(sized.length).toBeGreaterThan(0);
    expect(sized.every((n) => typeof n.properties.performance === 'number')).toBe(true);
    expect(compact.nodes.filter((n) => n.label === 'CONSULTANT')).toEqual(sized.map(viewNode));
    expect(compactBytes).toBeLessThan(fullBytes);
  });

  it('reach the renderer client chunk by chunk with the same graph', async () => {
    const client = createHttpClient({ baseUrl: server.url });
    const input = { region: A, limit: LIMIT };
    const full = await client.getRegionGraph(input);
    const chunks: { nodes: number; relationships: number }[] = [];
    const streamed = await client.viewGraph(
      { operation: 'getRegionGraph', input },
      {
        onChunk: (c) =>
          chunks.push({ nodes: c.nodes.length, relationships: c.relationships.length }),
      },
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.reduce((n, c) => n + c.nodes, 0)).toBe(full.nodes.length);
    expect(chunks.reduce((n, c) => n + c.relationships, 0)).toBe(full.relationships.length);
    expect(streamed.nodes).toEqual(full.nodes.map(viewNode));
    expect(streamed.relationships).toEqual(full.relationships.map(viewRelationship));
  });

  it('answer the filter route the same way', async () => {
    const client = createHttpClient({ baseUrl: server.url });
    const input = { regions: [A], mandate_statuses: ['Active' as const], limit: LIMIT };
    const full = await client.filterGraph(input);
    expect(full.nodes.length).toBeGreaterThan(1000);
    const streamed = await client.viewGraph({ operation: 'filterGraph', input });
    expect(streamed.totals).toEqual(full.totals);
    expect(streamed.nodes).toEqual(full.nodes.map(viewNode));
    expect(streamed.relationships).toEqual(full.relationships.map(viewRelationship));
  });
});
