/**
 * A synthetic coverage network of a given size, shaped like the real one (consultants employ
 * field consultants, who cover companies, which own products; ratings fill up the edge count).
 * Seeded, so the app page and the bare sigma page draw the same graph.
 */
import type { GraphData, GraphNode, GraphRelationship } from '../../../src/shared/api';
import type { NodeLabel } from '../../../src/shared/domain';

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHARES: [NodeLabel, number][] = [
  ['CONSULTANT', 0.02],
  ['FIELD_CONSULTANT', 0.08],
  ['COMPANY', 0.3],
  ['PRODUCT', 0.6],
];

export function syntheticGraph(nodeCount: number, edgeCount: number, seed = 42): GraphData {
  const rand = mulberry32(seed);
  const byLabel = new Map<NodeLabel, string[]>();
  const nodes: GraphNode[] = [];
  for (const [label, share] of SHARES) {
    const n = Math.max(1, Math.round(nodeCount * share));
    const keys: string[] = [];
    for (let i = 0; i < n && nodes.length < nodeCount; i++) {
      const id = `B-${label.charAt(0)}-${i}`;
      const key = `${label}:${id}`;
      keys.push(key);
      nodes.push({
        key,
        id,
        label,
        name: `${label.toLowerCase()} ${i}`,
        region: 'NAI',
        properties: { performance: Math.floor(rand() * 100), aum: rand() * 1e9 },
      });
    }
    byLabel.set(label, keys);
  }
  const pick = (label: NodeLabel): string => {
    const list = byLabel.get(label) ?? [];
    return list[Math.floor(rand() * list.length)] ?? '';
  };
  const rels: GraphRelationship[] = [];
  const add = (type: GraphRelationship['type'], source: string, target: string, properties = {}) =>
    rels.push({ key: `e${rels.length}`, type, source, target, properties });
  for (const fc of byLabel.get('FIELD_CONSULTANT') ?? []) add('EMPLOYS', pick('CONSULTANT'), fc);
  for (const co of byLabel.get('COMPANY') ?? [])
    add('COVERS', pick('FIELD_CONSULTANT'), co, { level_of_influence: 1 + Math.floor(rand() * 4) });
  const statuses = ['Active', 'At Risk', 'Conversion in Progress'];
  for (const p of byLabel.get('PRODUCT') ?? [])
    add('OWNS', pick('COMPANY'), p, {
      mandate_status: statuses[Math.floor(rand() * 3)] ?? 'Active',
    });
  while (rels.length < edgeCount) {
    if (rand() < 0.5) add('RATES', pick('CONSULTANT'), pick('PRODUCT'), { rating: 'Positive' });
    else add('OWNS', pick('COMPANY'), pick('PRODUCT'), { mandate_status: 'Active' });
  }
  return { nodes, relationships: rels.slice(0, edgeCount) };
}
