/**
 * The "too large to draw" guard: when a result exceeds what should be drawn, suggest filters
 * that narrow it. Each suggestion's estimate is asked of the server (POST /graph/estimate), which
 * counts the very view the suggestion would load, so "about N nodes" is what is then drawn.
 * Query results go through the same guard: over the limit, only the first nodes are drawn, and
 * only when the analyst asks.
 */
import type { GraphData, StatsResponse } from '@shared/api';
import type { GraphMode, NodeLabel } from '@shared/domain';
import { labelTitle } from './filter-fields';
import type { FilterState } from './filters';
import { normalizeFilters } from './filters';

export type Suggestion = { text: string; filters: FilterState };

const TOP_TYPES: Record<GraphMode, NodeLabel[]> = {
  standard: ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY'],
  recommendations: ['COMPANY', 'INCUMBENT_PRODUCT'],
};

export function suggestNarrowing(
  filters: FilterState,
  mode: GraphMode,
  stats: StatsResponse | null,
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
      });
    }
  }
  if (!f.node_types?.length) {
    const types = TOP_TYPES[mode];
    out.push({
      text: `Only ${types.map(labelTitle).join(', ')}`,
      filters: { ...f, node_types: types },
    });
  }
  if (mode === 'standard' && !f.mandate_statuses?.length) {
    out.push({
      text: 'Only at-risk mandates',
      filters: { ...f, mandate_statuses: ['At Risk'] },
    });
  }
  if (!f.influence_levels?.length) {
    out.push({
      text: 'Only influence level 4',
      filters: { ...f, influence_levels: [4] },
    });
  }
  if (!f.ratings?.length && mode === 'standard') {
    out.push({
      text: 'Only positive ratings',
      filters: { ...f, ratings: ['Positive'] },
    });
  }
  return out;
}

/** Suggestions known to fit come first; the others keep their order after them. */
export function orderSuggestions(
  suggestions: readonly Suggestion[],
  estimates: ReadonlyMap<string, number>,
  maxNodes: number,
): Suggestion[] {
  const fits = (s: Suggestion): number => {
    const estimate = estimates.get(s.text);
    return estimate !== undefined && estimate <= maxNodes ? 0 : 1;
  };
  return suggestions
    .map((s, i) => ({ s, i }))
    .sort((a, b) => fits(a.s) - fits(b.s) || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * A query result as the guard lets it be drawn: whole within the limit; over it, the first
 * `limit` nodes (in the result's order) and the relationships among them.
 */
export function capGraphData(data: GraphData, limit: number): GraphData {
  if (data.nodes.length <= limit) return data;
  const nodes = data.nodes.slice(0, limit);
  const kept = new Set(nodes.map((n) => n.key));
  return {
    nodes,
    relationships: data.relationships.filter((r) => kept.has(r.source) && kept.has(r.target)),
  };
}
