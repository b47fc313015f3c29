/**
 * The "too large to draw" guard: when a result exceeds what should be drawn, suggest filters
 * that narrow it, each with an estimate from the statistics where one is known.
 */
import type { StatsResponse } from '@shared/api';
import type { GraphMode, NodeLabel } from '@shared/domain';
import { labelTitle } from './filter-fields';
import type { FilterState } from './filters';
import { normalizeFilters } from './filters';

export type Suggestion = { text: string; filters: FilterState; estimate: number | null };

const TOP_TYPES: Record<GraphMode, NodeLabel[]> = {
  standard: ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY'],
  recommendations: ['COMPANY', 'INCUMBENT_PRODUCT'],
};

function countOf(
  stats: StatsResponse | null,
  regions: readonly string[],
  labels: readonly string[],
) {
  if (!stats) return null;
  const rows = regions.length
    ? stats.regions.filter((r) => regions.includes(r.region))
    : stats.regions;
  return rows.reduce(
    (sum, r) => sum + labels.reduce((s, l) => s + (r.nodes_by_label[l] ?? 0), 0),
    0,
  );
}

export function suggestNarrowing(
  filters: FilterState,
  mode: GraphMode,
  stats: StatsResponse | null,
  maxNodes: number,
): Suggestion[] {
  const f = normalizeFilters(filters);
  const out: Suggestion[] = [];
  const regions = f.regions ?? [];
  if (regions.length !== 1 && stats) {
    const sorted = [...stats.regions].sort((a, b) => a.nodes - b.nodes);
    for (const r of sorted.slice(0, 3)) {
      out.push({
        text: `Only region ${r.region}`,
        filters: { ...f, regions: [r.region] },
        estimate: r.nodes,
      });
    }
  }
  if (!f.node_types?.length) {
    const types = TOP_TYPES[mode];
    out.push({
      text: `Only ${types.map(labelTitle).join(', ')}`,
      filters: { ...f, node_types: types },
      estimate: countOf(stats, regions, types),
    });
  }
  if (mode === 'standard' && !f.mandate_statuses?.length) {
    out.push({
      text: 'Only at-risk mandates',
      filters: { ...f, mandate_statuses: ['At Risk'] },
      estimate: null,
    });
  }
  if (!f.influence_levels?.length) {
    out.push({
      text: 'Only influence level 4',
      filters: { ...f, influence_levels: [4] },
      estimate: null,
    });
  }
  if (!f.ratings?.length && mode === 'standard') {
    out.push({
      text: 'Only positive ratings',
      filters: { ...f, ratings: ['Positive'] },
      estimate: null,
    });
  }
  // Suggestions known to fit come first; unknown estimates keep their order after them.
  const fits = (s: Suggestion): number => (s.estimate !== null && s.estimate <= maxNodes ? 0 : 1);
  return out
    .map((s, i) => ({ s, i }))
    .sort((a, b) => fits(a.s) - fits(b.s) || a.i - b.i)
    .map(({ s }) => s);
}
