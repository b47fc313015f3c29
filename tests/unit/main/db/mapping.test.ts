import neo4j, { Duration, Node, Path, PathSegment, Point, Relationship } from 'neo4j-driver';
import { Date as CypherDate, DateTime } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  collectGraphElements,
  toGraphData,
  toGraphNode,
  toJson,
} from '../../../../src/main/db/mapping';

const node = (elementId: string, labels: string[], properties: Record<string, unknown>) =>
  new Node(neo4j.int(0), labels, properties, elementId);

const rel = (elementId: string, type: string, start: string, end: string, properties = {}) =>
  new Relationship(
    neo4j.int(0),
    neo4j.int(0),
    neo4j.int(0),
    type,
    properties,
    elementId,
    start,
    end,
  );

const consultant = node('n1', ['CONSULTANT'], { id: 'NAI-C-1', name: 'Ann', region: 'NAI' });
const company = node('n2', ['COMPANY'], { id: 'NAI-CO-1', name: 'Acme', region: 'NAI' });
const covers = rel('r1', 'COVERS', 'n1', 'n2', { level_of_influence: neo4j.int(4) });

describe('toJson', () => {
  it('turns integers into numbers, or strings beyond the safe range', () => {
    expect(toJson(neo4j.int(42))).toBe(42);
    expect(toJson(neo4j.int('9007199254740993'))).toBe('9007199254740993');
    expect(toJson(neo4j.int(-5))).toBe(-5);
  });

  it('keeps every safe integer exact', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(toJson(neo4j.int(n))).toBe(n);
      }),
    );
  });

  it('writes temporal values as ISO 8601 and points as coordinates', () => {
    expect(toJson(new CypherDate(2024, 2, 29))).toBe('2024-02-29');
    expect(toJson(new DateTime(2024, 1, 2, 3, 4, 5, 0, 0))).toBe('2024-01-02T03:04:05Z');
    expect(toJson(new Duration(0, 1, 7200, 0))).toBe('P1DT2H');
    expect(toJson(new Point(neo4j.int(7203), 1, 2))).toEqual({ srid: 7203, x: 1, y: 2 });
    expect(toJson(new Point(neo4j.int(4979), 1, 2, 3))).toEqual({ srid: 4979, x: 1, y: 2, z: 3 });
  });

  it('converts inside lists and maps, and non-finite numbers to strings', () => {
    expect(toJson({ a: [neo4j.int(1), null, undefined], b: { c: true } })).toEqual({
      a: [1, null, null],
      b: { c: true },
    });
    expect(toJson(Number.NaN)).toBe('NaN');
  });

  it('describes nodes, relationships and paths in rows', () => {
    expect(toJson(consultant)).toEqual({
      key: 'CONSULTANT:NAI-C-1',
      element_id: 'n1',
      labels: ['CONSULTANT'],
      properties: { id: 'NAI-C-1', name: 'Ann', region: 'NAI' },
    });
    expect(toJson(covers)).toEqual({
      key: 'r1',
      type: 'COVERS',
      start: 'n1',
      end: 'n2',
      properties: { level_of_influence: 4 },
    });
    const path = new Path(consultant, company, [new PathSegment(consultant, covers, company)]);
    expect(toJson(path)).toMatchObject({
      nodes: [{ element_id: 'n1' }, { element_id: 'n2' }],
      relationships: [{ key: 'r1' }],
    });
  });
});

describe('graph mapping', () => {
  it('maps domain nodes to graph nodes keyed LABEL:id', () => {
    expect(toGraphNode(consultant)).toEqual({
      key: 'CONSULTANT:NAI-C-1',
      id: 'NAI-C-1',
      label: 'CONSULTANT',
      name: 'Ann',
      region: 'NAI',
      properties: { id: 'NAI-C-1', name: 'Ann', region: 'NAI' },
    });
    expect(toGraphNode(node('n9', ['Other'], { id: 'x' }))).toBeUndefined();
    // A node without a name is named by its id; one without region has none.
    expect(toGraphNode(node('n8', ['PRODUCT'], { id: 'P' }))).toMatchObject({
      name: 'P',
      region: null,
    });
  });

  it('finds nodes, relationships and paths anywhere in values', () => {
    const path = new Path(consultant, company, [new PathSegment(consultant, covers, company)]);
    const found = collectGraphElements([[{ nested: path }], 'text', neo4j.int(1)]);
    expect([...found.nodes.keys()]).toEqual(['n1', 'n2']);
    expect([...found.relationships.keys()]).toEqual(['r1']);
  });

  it('keeps only relationships whose ends are known, once each', () => {
    const dangling = rel('r2', 'OWNS', 'n2', 'n404');
    const graph = toGraphData([consultant, company, company], [covers, covers, dangling]);
    expect(graph.nodes.map((n) => n.key)).toEqual(['CONSULTANT:NAI-C-1', 'COMPANY:NAI-CO-1']);
    expect(graph.relationships).toEqual([
      {
        key: 'r1',
        type: 'COVERS',
        source: 'CONSULTANT:NAI-C-1',
        target: 'COMPANY:NAI-CO-1',
        properties: { level_of_influence: 4 },
      },
    ]);
  });
});
