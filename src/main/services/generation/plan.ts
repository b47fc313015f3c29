/**
 * The write plan of a run: nodes label by label, then relationships type by type, each step's
 * rows chained over the regions and produced lazily. Totals are exact before anything is
 * written, so progress can say "done of total".
 */
import { NODE_LABELS, type NodeLabel, type RelationshipType } from '../../../shared/domain';
import { buildRegionContext, type RegionContext } from './context';
import type { IdOffsets } from './ids';
import { NODE_ROWS, nodeCount, type NodeRow } from './nodes';
import type { GenerationParams } from './params';
import { REL_PARTS, type RelRow } from './relationships';

export type NodeTarget = { kind: 'node'; label: NodeLabel };
export type RelTarget = {
  kind: 'relationship';
  type: RelationshipType;
  from: NodeLabel;
  to: NodeLabel;
};

export type PlanPart =
  | { kind: 'node'; target: NodeTarget; total: number; rows: () => Iterable<NodeRow> }
  | { kind: 'relationship'; target: RelTarget; total: number; rows: () => Iterable<RelRow> };

export type PlanStep = {
  phase: 'nodes' | 'relationships';
  /** Label or relationship type. */
  item: NodeLabel | RelationshipType;
  total: number;
  parts: PlanPart[];
};

export type GenerationPlan = {
  steps: PlanStep[];
  nodesByLabel: Record<string, number>;
  relationshipsByType: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
};

function* chain<T>(contexts: RegionContext[], rows: (ctx: RegionContext) => Iterable<T>) {
  for (const ctx of contexts) yield* rows(ctx);
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

export function buildPlan(
  params: GenerationParams,
  offsets: Record<string, IdOffsets>,
): GenerationPlan {
  const contexts = params.regions.map((region) =>
    buildRegionContext(params, region, offsets[region]!),
  );
  const nodeSteps: PlanStep[] = NODE_LABELS.map((label) => {
    const total = sum(contexts.map((ctx) => nodeCount(ctx, label)));
    const rows = (): Iterable<NodeRow> => chain(contexts, NODE_ROWS[label]);
    return {
      phase: 'nodes',
      item: label,
      total,
      parts: [{ kind: 'node', target: { kind: 'node', label }, total, rows }],
    };
  });
  const relSteps: PlanStep[] = [];
  for (const part of REL_PARTS) {
    const total = sum(contexts.map(part.count));
    const planned: PlanPart = {
      kind: 'relationship',
      target: { kind: 'relationship', type: part.type, from: part.from, to: part.to },
      total,
      rows: () => chain(contexts, part.rows),
    };
    const step = relSteps.find((s) => s.item === part.type);
    if (step) {
      step.parts.push(planned);
      step.total += total;
    } else relSteps.push({ phase: 'relationships', item: part.type, total, parts: [planned] });
  }
  const nodesByLabel = Object.fromEntries(nodeSteps.map((s) => [s.item, s.total]));
  const relationshipsByType = Object.fromEntries(relSteps.map((s) => [s.item, s.total]));
  return {
    steps: [...nodeSteps, ...relSteps],
    nodesByLabel,
    relationshipsByType,
    totalNodes: sum(nodeSteps.map((s) => s.total)),
    totalRelationships: sum(relSteps.map((s) => s.total)),
  };
}
