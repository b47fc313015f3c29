/**
 * The values style rules read: a node's computed metrics, its degree in the drawing, its type
 * and region, and its database properties — and the list of them the rule editor offers.
 */
import type { GraphNode } from '@shared/api';
import type { MetricId } from './metrics';
import { METRIC_IDS, METRIC_TITLES, isMetricId } from './metrics';
import type { Dataset } from './exploration';
import type { ValueOf } from './style-rules';

/** Computed metric values by metric, then node key. */
export type MetricValues = Partial<Record<MetricId, ReadonlyMap<string, number>>>;

/** Built-in node fields a rule can use besides the properties. */
const NODE_FIELDS = { degree: 'Degree', label: 'Type', region: 'Region' } as const;

export type StyleProperty = { key: string; title: string; numeric: boolean };

export function degrees(dataset: Dataset): Map<string, number> {
  const deg = new Map<string, number>();
  for (const e of dataset.edges.values()) {
    deg.set(e.source, (deg.get(e.source) ?? 0) + 1);
    deg.set(e.target, (deg.get(e.target) ?? 0) + 1);
  }
  return deg;
}

function fieldValue(node: GraphNode, property: string, degree: number): unknown {
  if (property === 'degree') return degree;
  if (property === 'label') return node.label;
  if (property === 'region') return node.region;
  return node.properties[property];
}

/** Reads node values for the rules; metrics win over a database property of the same name. */
export function nodeValues(
  dataset: Dataset,
  metrics: MetricValues,
  deg: ReadonlyMap<string, number> = degrees(dataset),
): ValueOf {
  return (key, property) => {
    if (isMetricId(property)) return metrics[property]?.get(key) ?? null;
    const node = dataset.nodes.get(key);
    return node ? fieldValue(node, property, deg.get(key) ?? 0) : null;
  };
}

/** What a rule can be based on: computed metrics first, then node fields and properties. */
export function styleProperties(dataset: Dataset, metrics: MetricValues): StyleProperty[] {
  const out: StyleProperty[] = METRIC_IDS.filter((m) => metrics[m]).map((m) => ({
    key: m,
    title: METRIC_TITLES[m],
    numeric: m !== 'community',
  }));
  out.push(
    { key: 'degree', title: NODE_FIELDS.degree, numeric: true },
    { key: 'label', title: NODE_FIELDS.label, numeric: false },
    { key: 'region', title: NODE_FIELDS.region, numeric: false },
  );
  const kinds = new Map<string, boolean>();
  for (const node of dataset.nodes.values()) {
    for (const [k, v] of Object.entries(node.properties)) {
      if (typeof v === 'number') kinds.set(k, kinds.get(k) ?? true);
      else if (typeof v === 'string' || typeof v === 'boolean') kinds.set(k, false);
    }
  }
  const taken = new Set(out.map((p) => p.key));
  for (const [key, numeric] of [...kinds].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!taken.has(key)) out.push({ key, title: key.replace(/_/g, ' '), numeric });
  }
  return out;
}

/** The title a rule's property shows with (the legend, the editor). */
export function propertyTitle(key: string): string {
  if (isMetricId(key)) return METRIC_TITLES[key];
  const fields: Record<string, string> = NODE_FIELDS;
  return fields[key] ?? key.replace(/_/g, ' ');
}
