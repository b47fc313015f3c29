/**
 * Appearance: how data becomes visual attributes. Colour and shape by node type, size by a chosen
 * metric, edge colour by mandate status, edge width by influence. Pure mappings, serialisable
 * settings.
 */
import { z } from 'zod';
import type { GraphNode, GraphRelationship } from '@shared/api';
import type { NodeLabel } from '@shared/domain';
import { NO_RULES, StyleRules } from './style-rules';

export const SIZE_METRICS = [
  'degree',
  'uniform',
  'performance',
  'influence',
  'aum',
  'fc_total_plan_assets',
  'universe_score',
] as const;
export const SizeMetric = z.enum(SIZE_METRICS);
export type SizeMetric = z.infer<typeof SizeMetric>;

export const AppearanceState = z.object({
  sizeBy: SizeMetric.default('degree'),
  /** Labels: by zoom and importance, always, or never. */
  labels: z.enum(['auto', 'all', 'none']).default('auto'),
  /** Colour, size and label by a property; a size rule takes over from `sizeBy`. */
  rules: StyleRules.default(NO_RULES),
});
export type AppearanceState = z.infer<typeof AppearanceState>;
export const DEFAULT_APPEARANCE: AppearanceState = {
  sizeBy: 'degree',
  labels: 'auto',
  rules: NO_RULES,
};

export const NODE_COLORS: Record<NodeLabel, string> = {
  CONSULTANT: '#4263eb',
  FIELD_CONSULTANT: '#1c9fb8',
  COMPANY: '#f08c00',
  PRODUCT: '#2f9e44',
  INCUMBENT_PRODUCT: '#c2255c',
};

/**
 * Node shapes, one per type, so the type reads without colour (colour-blind readers, faded
 * neighbourhoods, print). Each name is a sigma node program registered by the network view.
 */
export const NODE_SHAPES = ['circle', 'ring', 'square', 'target', 'square-dot'] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

export const NODE_SHAPE_BY_LABEL: Record<NodeLabel, NodeShape> = {
  CONSULTANT: 'circle',
  FIELD_CONSULTANT: 'ring',
  COMPANY: 'square',
  PRODUCT: 'target',
  INCUMBENT_PRODUCT: 'square-dot',
};

/** The dot inside `square-dot`: light on every fill colour, and faded with its node. */
export const NODE_CORE_COLOR = '#ffffff';

/**
 * Proportions of the shapes' parts, as fractions of the node's radius: the WebGL programs and
 * the legend icons draw from the same numbers, so the legend shows what the view shows.
 */
export const SHAPE_GEOMETRY = {
  /** Width of the `ring` outline. */
  ring: 0.35,
  /** Width of the `target` outline and of the gap before its centre dot. */
  targetRing: 0.25,
  targetGap: 0.2,
  /** Radius of the `square-dot` centre dot. */
  coreDot: 0.45,
} as const;

export const MANDATE_COLORS: Record<string, string> = {
  Active: '#37b24d',
  'At Risk': '#f03e3e',
  'Conversion in Progress': '#f59f00',
};

export const EDGE_TYPE_COLORS: Record<string, string> = {
  EMPLOYS: '#868e96',
  COVERS: '#74c0fc',
  OWNS: '#adb5bd',
  RATES: '#b197fc',
  BI_RECOMMENDS: '#e599f7',
};

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 14;

export function edgeColor(rel: GraphRelationship): string {
  const status = rel.properties.mandate_status;
  if (rel.type === 'OWNS' && typeof status === 'string' && MANDATE_COLORS[status]) {
    return MANDATE_COLORS[status];
  }
  return EDGE_TYPE_COLORS[rel.type] ?? '#adb5bd';
}

/** COVERS edges grow with `level_of_influence` (1–4); others are thin. */
export function edgeWidth(rel: GraphRelationship): number {
  const level = rel.properties.level_of_influence;
  if (typeof level === 'number') return 0.5 + Math.min(4, Math.max(1, level)) * 0.9;
  return rel.type === 'EMPLOYS' ? 1.2 : 0.8;
}

/** The metric's raw value for a node (null when the node has no such value). */
export function metricValue(node: GraphNode, metric: SizeMetric, degree: number): number | null {
  if (metric === 'degree') return degree;
  if (metric === 'uniform') return null;
  const v = node.properties[metric];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export type Range = { min: number; max: number };

export function rangeOf(values: Iterable<number | null>): Range | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min <= max ? { min, max } : null;
}

/** Square-root scale (area grows with the value) between MIN and MAX sizes. */
export function nodeSize(value: number | null, range: Range | null): number {
  if (value === null || range === null) return (MIN_NODE_SIZE + MAX_NODE_SIZE) / 3;
  if (range.max === range.min) return (MIN_NODE_SIZE + MAX_NODE_SIZE) / 2;
  const t = Math.sqrt((value - range.min) / (range.max - range.min));
  return MIN_NODE_SIZE + t * (MAX_NODE_SIZE - MIN_NODE_SIZE);
}

/** A group node outgrows the nodes it gathers, more so the more it holds. */
export const groupNodeSize = (members: number): number =>
  Math.min(2 * MAX_NODE_SIZE, MAX_NODE_SIZE + 2 * Math.sqrt(members));

/** Faded colour for nodes and edges outside a highlighted neighbourhood. */
export const fadedColor = (theme: 'light' | 'dark'): string =>
  theme === 'dark' ? '#2b2f36' : '#e4e7eb';
