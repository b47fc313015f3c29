/**
 * What each view of the network holds: its labels (in hierarchy order, which is also the order
 * capped results keep) and its relationships as (source label, type, target label) triples.
 * Cypher text built here uses these domain constants only.
 */
import type { GraphMode, NodeLabel, RelationshipType } from '../../../shared/domain';

export const MODE_LABELS = {
  standard: ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY', 'PRODUCT'],
  recommendations: ['COMPANY', 'INCUMBENT_PRODUCT', 'PRODUCT'],
} as const satisfies Record<GraphMode, readonly NodeLabel[]>;

export type Edge = readonly [NodeLabel, RelationshipType, NodeLabel];

export const MODE_EDGES = {
  standard: [
    ['CONSULTANT', 'EMPLOYS', 'FIELD_CONSULTANT'],
    ['FIELD_CONSULTANT', 'COVERS', 'COMPANY'],
    ['CONSULTANT', 'COVERS', 'COMPANY'],
    ['COMPANY', 'OWNS', 'PRODUCT'],
    ['CONSULTANT', 'RATES', 'PRODUCT'],
  ],
  recommendations: [
    ['COMPANY', 'OWNS', 'INCUMBENT_PRODUCT'],
    ['INCUMBENT_PRODUCT', 'BI_RECOMMENDS', 'PRODUCT'],
  ],
} as const satisfies Record<GraphMode, readonly Edge[]>;

/** Position of each label in the mode's hierarchy (absent: not part of the mode). */
export function labelDepths(mode: GraphMode, labels?: readonly NodeLabel[]): number[] {
  const modeLabels: readonly NodeLabel[] = MODE_LABELS[mode];
  const wanted = labels ?? modeLabels;
  return modeLabels.flatMap((label, depth) => (wanted.includes(label) ? [depth] : []));
}

/** `(a:X AND r:T AND b:Y) OR …` for the mode's relationships, with variables a, r, b. */
export function edgePredicate(mode: GraphMode): string {
  return MODE_EDGES[mode]
    .map(([source, type, target]) => `(a:${source} AND r:${type} AND b:${target})`)
    .join(' OR ');
}

/** `:EMPLOYS|COVERS|…` for the mode's relationship types. */
export function modeTypes(mode: GraphMode): string {
  return [...new Set(MODE_EDGES[mode].map(([, type]) => type))].join('|');
}
