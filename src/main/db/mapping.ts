/**
 * Neo4j values → JSON, at the repository edge. Integers become numbers (strings when outside the
 * safe range, so no digit is lost), temporal values ISO strings, points {srid, x, y, z?}; nodes,
 * relationships and paths become plain objects in rows and graph elements in `GraphData`.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
  type Integer,
  type Node,
  type Path,
  type Relationship,
} from 'neo4j-driver';
import {
  nodeKey,
  type GraphData,
  type GraphNode,
  type GraphRelationship,
  type JsonValue,
} from '../../shared/api';
import { NodeLabel, RelationshipType } from '../../shared/domain';
import { VERSION_PROPERTY } from '../../shared/edit';

/** An element's properties as views show them: its edit version is not one of them. */
function shownProperties(properties: Record<string, unknown>): Record<string, JsonValue> {
  const { [VERSION_PROPERTY]: _version, ...rest } = properties;
  return propertiesToJson(rest);
}

/** Temporal values print themselves as ISO 8601 (with the zone id in brackets when named). */
function temporalToIso(value: unknown): string | undefined {
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isLocalTime(value) ||
    isTime(value) ||
    isDuration(value)
  )
    return value.toString();
  return undefined;
}

function integerToJson(value: Integer): number | string {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isInt(value)) return integerToJson(value);
  const iso = temporalToIso(value);
  if (iso !== undefined) return iso;
  if (isPoint(value)) {
    const point: Record<string, JsonValue> = {
      srid: toJson(value.srid),
      x: value.x,
      y: value.y,
    };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (isNode(value)) return nodeToJson(value);
  if (isRelationship(value)) return relationshipToJson(value);
  if (isPath(value)) return pathToJson(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') return propertiesToJson({ ...value });
  // Only functions and symbols are left; neither is a Neo4j value.
  return null;
}

function propertiesToJson(properties: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(properties)) out[key] = toJson(v);
  return out;
}

/** The domain label of a node (its first label that the data model knows), if any. */
function domainLabel(labels: readonly string[]): NodeLabel | undefined {
  for (const label of labels) {
    const parsed = NodeLabel.safeParse(label);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** `LABEL:id` for nodes of the data model; the element id for anything else. */
function keyOfNode(node: Node): string {
  const label = domainLabel(node.labels);
  const id = node.properties.id as unknown;
  return label && typeof id === 'string' ? nodeKey(label, id) : node.elementId;
}

function nodeToJson(node: Node): JsonValue {
  return {
    key: keyOfNode(node),
    element_id: node.elementId,
    labels: [...node.labels],
    properties: propertiesToJson(node.properties),
  };
}

/** In rows a relationship names its ends by element id; the graph resolves them to node keys. */
function relationshipToJson(rel: Relationship): JsonValue {
  return {
    key: rel.elementId,
    type: rel.type,
    start: rel.startNodeElementId,
    end: rel.endNodeElementId,
    properties: propertiesToJson(rel.properties),
  };
}

function pathToJson(path: Path): JsonValue {
  return {
    nodes: [path.start, ...path.segments.map((s) => s.end)].map(nodeToJson),
    relationships: path.segments.map((s) => relationshipToJson(s.relationship)),
  };
}

/** A node of the data model as a graph node; undefined for nodes of other labels. */
export function toGraphNode(node: Node): GraphNode | undefined {
  const label = domainLabel(node.labels);
  if (!label) return undefined;
  const properties = shownProperties(node.properties);
  const id = typeof properties.id === 'string' ? properties.id : node.elementId;
  const name = typeof properties.name === 'string' ? properties.name : id;
  const region = typeof properties.region === 'string' ? properties.region : null;
  return { key: nodeKey(label, id), id, label, name, region, properties };
}

/**
 * A relationship as a graph edge, given the keys of nodes by element id; undefined when its type
 * is not in the data model or an end is unknown.
 */
function toGraphRelationship(
  rel: Relationship,
  keysByElementId: ReadonlyMap<string, string>,
): GraphRelationship | undefined {
  const type = RelationshipType.safeParse(rel.type);
  const source = keysByElementId.get(rel.startNodeElementId);
  const target = keysByElementId.get(rel.endNodeElementId);
  if (!type.success || !source || !target) return undefined;
  return {
    key: rel.elementId,
    type: type.data,
    source,
    target,
    properties: shownProperties(rel.properties),
  };
}

export type GraphElements = {
  nodes: Map<string, Node>;
  relationships: Map<string, Relationship>;
};

/** Gathers every node, relationship and path segment found anywhere in the values. */
export function collectGraphElements(
  values: Iterable<unknown>,
  into: GraphElements = { nodes: new Map(), relationships: new Map() },
): GraphElements {
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (isNode(value)) into.nodes.set(value.elementId, value);
    else if (isRelationship(value)) into.relationships.set(value.elementId, value);
    else if (isPath(value)) {
      visit(value.start);
      for (const segment of value.segments) {
        visit(segment.relationship);
        visit(segment.end);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (!isInt(value) && temporalToIso(value) === undefined && !isPoint(value))
      Object.values(value).forEach(visit);
  };
  for (const value of values) visit(value);
  return into;
}

/** Graph data from nodes and relationships; edges whose ends are not among the nodes are left out. */
export function toGraphData(
  nodes: Iterable<Node>,
  relationships: Iterable<Relationship>,
): GraphData {
  const keys = new Map<string, string>();
  const graphNodes: GraphNode[] = [];
  for (const node of nodes) {
    const graphNode = toGraphNode(node);
    if (!graphNode || keys.has(node.elementId)) continue;
    keys.set(node.elementId, graphNode.key);
    graphNodes.push(graphNode);
  }
  const graphRelationships: GraphRelationship[] = [];
  const seen = new Set<string>();
  for (const rel of relationships) {
    if (seen.has(rel.elementId)) continue;
    const edge = toGraphRelationship(rel, keys);
    if (!edge) continue;
    seen.add(rel.elementId);
    graphRelationships.push(edge);
  }
  return { nodes: graphNodes, relationships: graphRelationships };
}
