/** One line per relationship in the details panel: the other end and what matters about it. */
import type { GraphRelationship } from '@shared/api';
import { formatValue } from './format';

const HEADLINE_KEYS: Record<string, string[]> = {
  RATES: ['rating', 'rankvalue', 'rankorder', 'date'],
  OWNS: ['mandate_status', 'value', 'commitment_market_value', 'start_date', 'manager'],
  COVERS: ['level_of_influence', 'coverage_type'],
  EMPLOYS: ['start_date', 'duration'],
  BI_RECOMMENDS: ['opportunity_type', 'annualised_alpha', 'information_ratio'],
};

const SECTION_TITLES: Record<string, { out: string; in: string }> = {
  RATES: { out: 'Ratings given', in: 'Ratings' },
  OWNS: { out: 'Mandates (owns)', in: 'Owned by' },
  COVERS: { out: 'Covers', in: 'Covered by' },
  EMPLOYS: { out: 'Employs', in: 'Parent consultant' },
  BI_RECOMMENDS: { out: 'Recommends', in: 'Recommended for' },
};

export function summarise(rel: GraphRelationship): string {
  const keys = HEADLINE_KEYS[rel.type] ?? Object.keys(rel.properties);
  return keys
    .filter((k) => rel.properties[k] !== undefined)
    .map((k) => {
      const v = rel.properties[k] ?? null;
      return k === 'rating' ||
        k === 'mandate_status' ||
        k === 'coverage_type' ||
        k === 'opportunity_type'
        ? formatValue(k, v)
        : `${k.replace(/_/g, ' ')} ${formatValue(k, v)}`;
    })
    .join(' · ');
}

export type RelationshipGroup = {
  id: string;
  title: string;
  rows: { rel: GraphRelationship; other: string }[];
};

/** Groups a node's relationships by type and direction, in a fixed reading order. */
export function groupRelationships(
  nodeKey: string,
  rels: readonly GraphRelationship[],
): RelationshipGroup[] {
  const groups = new Map<string, RelationshipGroup>();
  for (const rel of rels) {
    const out = rel.source === nodeKey;
    const id = `${rel.type}:${out ? 'out' : 'in'}`;
    const titles = SECTION_TITLES[rel.type];
    const title = titles ? (out ? titles.out : titles.in) : id;
    const group = groups.get(id) ?? { id, title, rows: [] };
    group.rows.push({ rel, other: out ? rel.target : rel.source });
    groups.set(id, group);
  }
  const order = [
    'EMPLOYS:in',
    'EMPLOYS:out',
    'COVERS:in',
    'COVERS:out',
    'OWNS:out',
    'OWNS:in',
    'RATES:in',
    'RATES:out',
  ];
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...groups.values()].sort((a, b) => rank(a.id) - rank(b.id));
}
