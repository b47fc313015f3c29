import { describe, expect, it } from 'vitest';
import type { GraphNode, GraphRelationship, GraphResponse } from '../../../src/shared/api';
import {
  CompactGraph,
  VIEW_NODE_PROPERTIES,
  VIEW_RELATIONSHIP_PROPERTIES,
  compactStreamLines,
  createCompactStreamDecoder,
  decodeCompactGraph,
  encodeCompactGraph,
  lineSplitter,
} from '../../../src/shared/compact-graph';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../../src/shared/domain';
import { seededRandom } from '../../../src/shared/seeded-random';

const PREFIX = '5:0f3c2a1e-7d4b-4c1a-9b8e-2f6d5c4b3a21:';

/** A response with every kind of value the format carries, and some it leaves out. */
function sampleResponse(nodeCount: number, seed = 7): GraphResponse {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const nodes: GraphNode[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const label = pick(NODE_LABELS);
    const id = `NAI-${label.slice(0, 2)}-${String(i).padStart(4, '0')}`;
    const region = i % 11 === 0 ? null : pick(['NAI', 'EMEA']);
    const name = `Node ${i} «${label}»`;
    const properties: GraphNode['properties'] = {
      id,
      name,
      email: `n${i}@example.com`,
      tags: ['a', 'b'],
      ...(region === null ? {} : { region }),
    };
    if (label === 'CONSULTANT') {
      properties.performance = Math.floor(random() * 101);
      properties.influence = i % 5 === 0 ? null : Math.floor(random() * 101);
      properties.channel = pick(['Direct', 'Partner']);
    }
    if (label === 'COMPANY') properties.aum = random() * 1e10;
    if (label === 'PRODUCT') {
      properties.universe_score = Math.round(random() * 40) / 10 + 1;
      properties.asset_class = pick(['Equities', 'Fixed Income']);
    }
    // A property of mixed kinds: number on some nodes, text or flag on others.
    if (label === 'FIELD_CONSULTANT')
      properties.sales_region = i % 3 === 0 ? 7 : i % 3 === 1 ? 'East' : true;
    nodes.push({
      key: `${label}:${id}`,
      id,
      label,
      name,
      region,
      properties,
    });
  }
  const relationships: GraphRelationship[] = [];
  for (let i = 0; i < nodeCount * 2; i++) {
    const type = pick(RELATIONSHIP_TYPES);
    const properties: GraphRelationship['properties'] = { note: 'left out' };
    if (type === 'OWNS') properties.mandate_status = pick(['Active', 'At Risk']);
    if (type === 'COVERS') properties.level_of_influence = 1 + Math.floor(random() * 4);
    const source = pick(nodes).key;
    // One end outside the nodes now and then (travels as its key).
    const target = i % 97 === 0 ? 'COMPANY:ELSEWHERE-1' : pick(nodes).key;
    const key = i % 13 === 0 ? `rel-${i}` : `${PREFIX}${i * 3}`;
    relationships.push({ key, type, source, target, properties });
  }
  return {
    nodes,
    relationships,
    totals: { nodes: nodeCount + 10, relationships: nodeCount * 2 + 5 },
    truncated: true,
    limit: nodeCount,
    mode: 'standard',
  };
}

/** What a view needs of a response: the carried properties only. */
function viewOf(response: GraphResponse): GraphResponse {
  const keep = (properties: GraphNode['properties'], names: readonly string[]) =>
    Object.fromEntries(
      Object.entries(properties).filter(
        ([k, v]) =>
          names.includes(k) &&
          (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'),
      ),
    );
  return {
    ...response,
    nodes: response.nodes.map((n) => ({
      ...n,
      properties: {
        id: n.id,
        name: n.name,
        ...(n.region === null ? {} : { region: n.region }),
        ...keep(n.properties, VIEW_NODE_PROPERTIES),
      },
    })),
    relationships: response.relationships.map((r) => ({
      ...r,
      properties: keep(r.properties, VIEW_RELATIONSHIP_PROPERTIES),
    })),
  };
}

describe('compact graph format', () => {
  it('decodes what it encodes: the graph with the carried properties', () => {
    const response = sampleResponse(500);
    const compact = encodeCompactGraph(response);
    // The document is what travels: it goes through JSON and its schema.
    const wire = CompactGraph.parse(JSON.parse(JSON.stringify(compact)));
    expect(decodeCompactGraph(wire)).toEqual(viewOf(response));
  });

  it('streams the same graph in chunks, header first and end last', () => {
    const response = sampleResponse(1234);
    const lines = [...compactStreamLines(response, 100)];
    expect(lines).toHaveLength(1 + 13 + 25 + 1);
    const decoder = createCompactStreamDecoder();
    const chunks: { nodes: number; relationships: number }[] = [];
    // The text arrives in pieces that cut lines anywhere.
    const text = lines.join('\n') + '\n';
    const splitter = lineSplitter((line) => {
      const chunk = decoder.push(line);
      if (chunk)
        chunks.push({ nodes: chunk.nodes.length, relationships: chunk.relationships.length });
    });
    for (let at = 0; at < text.length; at += 4093) splitter.write(text.slice(at, at + 4093));
    splitter.flush();
    expect(decoder.done()).toBe(true);
    expect(decoder.result()).toEqual(viewOf(response));
    expect(chunks.slice(0, 13).every((c) => c.relationships === 0)).toBe(true);
    expect(chunks.reduce((n, c) => n + c.nodes, 0)).toBe(1234);
    expect(chunks.reduce((n, c) => n + c.relationships, 0)).toBe(2468);
  });

  it('round-trips an empty graph', () => {
    const empty: GraphResponse = {
      nodes: [],
      relationships: [],
      totals: { nodes: 0, relationships: 0 },
      truncated: false,
      limit: 10,
      mode: 'recommendations',
    };
    expect(decodeCompactGraph(encodeCompactGraph(empty))).toEqual(empty);
    const decoder = createCompactStreamDecoder();
    for (const line of compactStreamLines(empty)) decoder.push(line);
    expect(decoder.result()).toEqual(empty);
  });

  it('carries a truncated view without totals (asked with totals none)', () => {
    const uncounted: GraphResponse = { ...sampleResponse(300), totals: null };
    expect(decodeCompactGraph(encodeCompactGraph(uncounted))).toEqual(viewOf(uncounted));
    const decoder = createCompactStreamDecoder();
    for (const line of compactStreamLines(uncounted, 100)) decoder.push(line);
    expect(decoder.result()).toEqual(viewOf(uncounted));
    expect(decoder.result().totals).toBeNull();
  });

  it('refuses a stream cut short or out of order', () => {
    const lines = [...compactStreamLines(sampleResponse(300), 100)];
    const cut = createCompactStreamDecoder();
    for (const line of lines.slice(0, -1)) cut.push(line);
    expect(() => cut.result()).toThrow(/before its end line/);
    const swapped = createCompactStreamDecoder();
    swapped.push(lines[0] ?? '');
    expect(() => swapped.push(lines[2] ?? '')).toThrow(/out of order/);
    const headless = createCompactStreamDecoder();
    expect(() => headless.push(lines[1] ?? '')).toThrow(/before the header/);
  });

  it('refuses a node whose key is not LABEL:id', () => {
    const response = sampleResponse(3);
    const [first] = response.nodes;
    if (first) first.key = 'element-id-1';
    expect(() => encodeCompactGraph(response)).toThrow(/LABEL:id/);
  });
});
