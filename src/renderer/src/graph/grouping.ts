/**
 * Grouping: a pure transform of the dataset before it is drawn. A collapsed node's subtree (a
 * consultant with the field consultants it employs and the companies they cover) becomes one
 * group node; grouping by a property (sales region, channel, asset class) gathers the nodes
 * sharing a value into one group node per value. Relationships to members are carried by the
 * group, one per type and other end, with the number they stand for.
 */
import type { GraphNode, GraphRelationship } from '@shared/api';
import { NodeLabel } from '@shared/domain';
import type { RelationshipType } from '@shared/domain';
import type { Dataset } from './exploration';
import { labelTitle } from './filter-fields';

export const GROUP_PROPERTIES = ['sales_region', 'channel', 'asset_class'] as const;
export type GroupProperty = (typeof GROUP_PROPERTIES)[number];

export const GROUP_PROPERTY_TITLES: Record<GroupProperty, string> = {
  sales_region: 'Sales region',
  channel: 'Channel',
  asset_class: 'Asset class',
};

export type Grouping = {
  /** Roots whose subtrees are collapsed, in the order they were collapsed (first wins). */
  collapsed: readonly string[];
  by: GroupProperty | null;
  /** Property groups opened again while grouping by that property stays on. */
  opened: readonly string[];
};

export const NO_GROUPING: Grouping = { collapsed: [], by: null, opened: [] };

export type Group = {
  key: string;
  title: string;
  members: readonly string[];
  /** Members per label. */
  counts: Partial<Record<NodeLabel, number>>;
} & (
  { kind: 'subtree'; root: string } | { kind: 'property'; property: GroupProperty; value: string }
);

export type GroupedDataset = Dataset & { groups: ReadonlyMap<string, Group> };

/** The relationship types that hang a subtree under its root. */
const SUBTREE_TYPES: ReadonlySet<RelationshipType> = new Set(['EMPLOYS', 'COVERS']);

const GROUP_PREFIX = 'group:';
export const isGroupKey = (key: string): boolean => key.startsWith(GROUP_PREFIX);
export const subtreeGroupKey = (root: string): string => `${GROUP_PREFIX}${root}`;
const propertyGroupKey = (property: GroupProperty, value: string): string =>
  `${GROUP_PREFIX}${property}=${value}`;

/** The root and every node below it, following EMPLOYS and COVERS downwards. */
export function subtreeOf(dataset: Dataset, root: string): string[] {
  if (!dataset.nodes.has(root)) return [];
  const children = new Map<string, string[]>();
  for (const e of dataset.edges.values()) {
    if (!SUBTREE_TYPES.has(e.type)) continue;
    const list = children.get(e.source);
    if (list) list.push(e.target);
    else children.set(e.source, [e.target]);
  }
  const seen = new Set([root]);
  const queue = [root];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return [...seen];
}

/** Whether a node has anything below it to collapse. */
export const canCollapse = (dataset: Dataset, key: string): boolean =>
  subtreeOf(dataset, key).length > 1;

function countLabels(dataset: Dataset, members: readonly string[]): Group['counts'] {
  const counts: Group['counts'] = {};
  for (const key of members) {
    const label = dataset.nodes.get(key)?.label;
    if (label) counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** "3 field consultants, 12 companies" style summary of a group's members. */
export function describeCounts(counts: Group['counts']): string {
  return Object.entries(counts)
    .map(([label, n]) => {
      const word = labelTitle(label).toLowerCase();
      return `${n} ${n === 1 ? word : word.replace(/y$/, 'ie') + 's'}`;
    })
    .join(', ');
}

function groupNode(group: Group, dataset: Dataset): GraphNode {
  // A subtree looks like its root; a property group like most of its members.
  const root = group.kind === 'subtree' ? dataset.nodes.get(group.root)?.label : undefined;
  const [majority] = Object.entries(group.counts).sort(([, a], [, b]) => b - a)[0] ?? [];
  const label = root ?? NodeLabel.catch('CONSULTANT').parse(majority);
  const regions = new Set(group.members.map((k) => dataset.nodes.get(k)?.region ?? null));
  const [region] = regions.size === 1 ? [...regions] : [null];
  return {
    key: group.key,
    id: group.key,
    label,
    name: group.title,
    region: region ?? null,
    properties: { members: group.members.length, ...group.counts },
  };
}

function propertyValue(node: GraphNode, property: GroupProperty): string | null {
  const value = node.properties[property];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Applies the grouping: members leave, group nodes and their aggregated relationships come. */
export function groupDataset(dataset: Dataset, grouping: Grouping): GroupedDataset {
  const groupOf = new Map<string, string>();
  const groups = new Map<string, Group>();
  for (const root of grouping.collapsed) {
    if (groupOf.has(root)) continue;
    const members = subtreeOf(dataset, root).filter((k) => !groupOf.has(k));
    if (members.length < 2) continue;
    const key = subtreeGroupKey(root);
    const name = dataset.nodes.get(root)?.name ?? root;
    for (const m of members) groupOf.set(m, key);
    groups.set(key, {
      key,
      kind: 'subtree',
      root,
      title: `${name} +${members.length - 1}`,
      members,
      counts: countLabels(dataset, members),
    });
  }
  const by = grouping.by;
  if (by) {
    const byValue = new Map<string, string[]>();
    for (const [key, node] of dataset.nodes) {
      if (groupOf.has(key)) continue;
      const value = propertyValue(node, by);
      if (value === null || grouping.opened.includes(propertyGroupKey(by, value))) continue;
      const list = byValue.get(value);
      if (list) list.push(key);
      else byValue.set(value, [key]);
    }
    for (const [value, members] of [...byValue].sort(([a], [b]) => a.localeCompare(b))) {
      const key = propertyGroupKey(by, value);
      for (const m of members) groupOf.set(m, key);
      groups.set(key, {
        key,
        kind: 'property',
        property: by,
        value,
        title: `${GROUP_PROPERTY_TITLES[by]}: ${value} (${members.length})`,
        members,
        counts: countLabels(dataset, members),
      });
    }
  }
  if (groups.size === 0) return { ...dataset, groups };

  const nodes = new Map<string, GraphNode>();
  for (const [key, node] of dataset.nodes) if (!groupOf.has(key)) nodes.set(key, node);
  for (const group of groups.values()) nodes.set(group.key, groupNode(group, dataset));

  const edges = new Map<string, GraphRelationship>();
  const carried = new Map<string, { rel: GraphRelationship; keys: string[] }>();
  for (const [key, rel] of dataset.edges) {
    const source = groupOf.get(rel.source) ?? rel.source;
    const target = groupOf.get(rel.target) ?? rel.target;
    if (source === target) continue;
    if (source === rel.source && target === rel.target) {
      edges.set(key, rel);
      continue;
    }
    const id = `${GROUP_PREFIX}${source}|${rel.type}|${target}`;
    const hit = carried.get(id);
    if (hit) hit.keys.push(key);
    else
      carried.set(id, {
        rel: { key: id, type: rel.type, source, target, properties: {} },
        keys: [key],
      });
  }
  for (const [id, { rel, keys }] of carried)
    edges.set(id, { ...rel, properties: { relationships: keys.length } });
  return { nodes, edges, groups };
}

/** Collapses a node's subtree, or expands the group it is (toggle). */
export function toggleCollapsed(grouping: Grouping, key: string, group?: Group): Grouping {
  if (group?.kind === 'subtree')
    return { ...grouping, collapsed: grouping.collapsed.filter((r) => r !== group.root) };
  if (group?.kind === 'property') return { ...grouping, opened: [...grouping.opened, group.key] };
  if (grouping.collapsed.includes(key)) return grouping;
  return { ...grouping, collapsed: [...grouping.collapsed, key] };
}

export const groupBy = (grouping: Grouping, by: GroupProperty | null): Grouping => ({
  ...grouping,
  by,
  opened: [],
});
