/**
 * One page of the ranked search as the analyst sees it from here: exact id or name first, then
 * the nodes in view, then the region being explored, then the rest. The search box and the
 * pickers of edit forms ask it the same way.
 */
import { SEARCH_NEAR_MAX, type SearchResponse } from '@shared/api';
import type { Client } from '@shared/contract';
import type { NodeLabel } from '@shared/domain';
import { normalizeFilters } from '../../graph/filters';
import type { Explorer } from '../../state/explorer';

export function rankedSearch(
  client: Client,
  explorer: Explorer,
  request: { q: string; limit: number; offset?: number; labels?: readonly NodeLabel[] },
): Promise<SearchResponse> {
  const regions = normalizeFilters(explorer.store.get().filters).regions;
  const region = regions?.length === 1 ? regions[0] : undefined;
  const near = explorer.nodesInView(SEARCH_NEAR_MAX);
  const labels = request.labels?.length ? [...request.labels] : undefined;
  return client.search({
    q: request.q,
    limit: request.limit,
    offset: request.offset ?? 0,
    ...(labels ? { labels } : {}),
    ...(near.length > 0 ? { near } : {}),
    ...(region ? { region } : {}),
  });
}
