/** Chart series from the statistics: counts per label, relationship type and region. */
import type { StatsResponse } from '@shared/api';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '@shared/domain';
import { NODE_COLORS, EDGE_TYPE_COLORS } from './appearance';
import { labelTitle } from './filter-fields';

export type Bar = { key: string; label: string; value: number; color: string };

export function barsByLabel(stats: StatsResponse): Bar[] {
  return NODE_LABELS.map((l) => ({
    key: l,
    label: labelTitle(l),
    value: stats.nodes_by_label[l] ?? 0,
    color: NODE_COLORS[l],
  }));
}

export function barsByRelationship(stats: StatsResponse): Bar[] {
  return RELATIONSHIP_TYPES.map((t) => ({
    key: t,
    label: t,
    value: stats.relationships_by_type[t] ?? 0,
    color: EDGE_TYPE_COLORS[t] ?? '#adb5bd',
  }));
}

export function barsByRegion(stats: StatsResponse): Bar[] {
  return stats.regions.map((r) => ({
    key: r.region,
    label: r.region,
    value: r.nodes,
    color: '#5c7cfa',
  }));
}
