/**
 * Deletes data in batches (CALL { … } IN TRANSACTIONS), so clearing millions of nodes stays
 * within the database's memory settings: everything, or only the nodes of chosen regions (with
 * their relationships). The audit log is not data: clearing keeps it, and records itself in it
 * (in a final transaction, with the counts). Its statements come from one builder, which both
 * the run and its preview use.
 */
import type { ClearInput, ClearResult } from '../../shared/api';
import { statementsText, type WriteStatement } from '../../shared/audit';
import { NODE_LABELS } from '../../shared/domain';
import {
  deleteSelection,
  deleteStatements,
  everything,
  regionSelection,
  type DeleteCounts,
  type NodeSelection,
} from './generation/delete';
import { writtenBookmark } from '../db/bookmarks';
import { recordAuditAfter } from './audit';
import { assertRegionsConfigured } from './regions';
import type { Handlers, ServiceDeps } from './types';

type ClearRequest = Pick<ClearInput, 'regions'>;

/** What a clear deletes, selection by selection (label by label for regions). */
const selectionsOf = (regions: string[] | null): NodeSelection[] =>
  regions ? NODE_LABELS.map((label) => regionSelection(label, regions)) : [everything];

const summaryOf = (params: Record<string, unknown>): string =>
  Object.keys(params).length
    ? Object.entries(params)
        .map(([k, v]) => `$${k}: ${JSON.stringify(v)}`)
        .join(', ')
    : 'none';

/** The statements a clear runs, in order. */
export function clearStatements(input: ClearRequest): WriteStatement[] {
  return selectionsOf(input.regions ?? null).flatMap((selection) =>
    deleteStatements(selection).map((cypher) => ({
      cypher,
      parameters_summary: summaryOf(selection.params),
    })),
  );
}

export function createClearService(
  deps: Pick<ServiceDeps, 'driver' | 'database' | 'logger' | 'config'>,
) {
  return {
    async clearGraph(input: ClearInput): Promise<ClearResult> {
      // Only an absent list means everything; an empty or unknown one is refused, never widened.
      assertRegionsConfigured(deps.config, input.regions);
      const started = performance.now();
      const regions = input.regions ?? null;
      const counts: DeleteCounts = { nodes: 0, relationships: 0 };
      for (const selection of selectionsOf(regions)) {
        const deleted = await deleteSelection(deps.driver, deps.database, selection);
        counts.nodes += deleted.nodes;
        counts.relationships += deleted.relationships;
      }
      await recordAuditAfter(deps.driver, deps.database, {
        action: 'clear',
        summary: regions ? `Cleared regions ${regions.join(', ')}` : 'Cleared all data',
        counts: { deleted_nodes: counts.nodes, deleted_relationships: counts.relationships },
        cypher: statementsText(clearStatements(input)),
      });
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
