/**
 * Deletes data in batches (CALL { … } IN TRANSACTIONS), so clearing millions of nodes stays
 * within the database's memory settings: everything, or only the nodes of chosen regions (with
 * their relationships).
 */
import type { ClearInput, ClearResult } from '../../shared/api';
import { deleteForLabels, deleteSelection, everything, regionSelection } from './generation/delete';
import { writtenBookmark } from '../db/bookmarks';
import { assertRegionsConfigured } from './regions';
import type { Handlers, ServiceDeps } from './types';

export function createClearService(
  deps: Pick<ServiceDeps, 'driver' | 'database' | 'logger' | 'config'>,
) {
  return {
    async clearGraph(input: ClearInput): Promise<ClearResult> {
      // Only an absent list means everything; an empty or unknown one is refused, never widened.
      assertRegionsConfigured(deps.config, input.regions);
      const started = performance.now();
      const regions = input.regions ?? null;
      const counts = regions
        ? await deleteForLabels(deps.driver, deps.database, (label) =>
            regionSelection(label, regions),
          )
        : await deleteSelection(deps.driver, deps.database, everything);
      const seconds = (performance.now() - started) / 1000;
      deps.logger.info({ regions, ...counts, seconds }, 'data cleared');
      return {
        deleted_nodes: counts.nodes,
        deleted_relationships: counts.relationships,
        regions,
        seconds,
        bookmark: writtenBookmark(),
      };
    },
  } satisfies Partial<Handlers>;
}
