/**
 * Start-up recovery of generation runs that never finished. A run stamps every node with its
 * `generation_id` and records an `SN_GENERATION` node only once all its writes are committed;
 * a run whose process died (killed, power loss, database stopped mid-run with no way to roll
 * back) leaves stamped nodes without a record. Those are removed here, and the log says so.
 *
 * A run still in progress in another process (say, the CLI seeding the same database) has no
 * record yet either; it is recognised by its open write transactions, whose parameters carry
 * its generation id, and left alone. On a cluster both checks go to the leader (WRITE access
 * mode): a secondary may not have a run's record yet, and does not see the leader's open
 * transactions.
 */
import type { Driver } from 'neo4j-driver';
import { NODE_LABELS } from '../../../shared/domain';
import type { Logger } from '../../logger';
import { deleteGeneration } from './delete';
import { GENERATION_LABEL } from './record';

type RecoveredRun = { generation_id: string; nodes: number; relationships: number };
export type RecoveryReport = {
  removed: RecoveredRun[];
  /** Unrecorded runs left alone because they are being written right now. */
  in_progress: string[];
};

/** How often, and how far apart, open transactions are sampled for live runs. */
const LIVE_SAMPLES = 3;
const LIVE_SAMPLE_GAP_MS = 150;

async function unrecordedRuns(driver: Driver, database: string): Promise<string[]> {
  const ids = new Set<string>();
  // One query per label, so each is served by that label's generation_id index.
  for (const label of NODE_LABELS) {
    const { records } = await driver.executeQuery(
      `MATCH (n:${label}) WHERE n.generation_id IS NOT NULL
       WITH DISTINCT n.generation_id AS id
       WHERE NOT EXISTS { MATCH (g:${GENERATION_LABEL}) WHERE g.generation_id = id }
       RETURN collect(id) AS ids`,
      {},
      { database, routing: 'WRITE' },
    );
    const found: unknown = records[0]?.get('ids');
    if (Array.isArray(found)) for (const id of found) ids.add(String(id));
  }
  return [...ids];
}

/** Generation ids named by the parameters of transactions open on the server right now. */
async function liveRuns(driver: Driver, database: string): Promise<Set<string>> {
  const live = new Set<string>();
  for (let sample = 0; sample < LIVE_SAMPLES; sample++) {
    if (sample > 0) await new Promise((resolve) => setTimeout(resolve, LIVE_SAMPLE_GAP_MS));
    const { records } = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD parameters RETURN parameters',
      {},
      { database, routing: 'WRITE' },
    );
    for (const record of records) {
      const parameters: unknown = record.get('parameters');
      if (typeof parameters === 'object' && parameters !== null && 'generation' in parameters)
        live.add(String(parameters.generation));
    }
  }
  return live;
}

export async function removeAbandonedRuns(
  driver: Driver,
  database: string,
  logger: Logger,
): Promise<RecoveryReport> {
  const report: RecoveryReport = { removed: [], in_progress: [] };
  const candidates = await unrecordedRuns(driver, database);
  if (!candidates.length) return report;
  let live: Set<string>;
  try {
    live = await liveRuns(driver, database);
  } catch (error) {
    // Without a view of open transactions a live run cannot be told apart: remove nothing.
    logger.warn(
      { runs: candidates, err: error },
      'Found unfinished generation runs but cannot check whether they are still running; ' +
        'left them in place (clear their regions or restart to retry)',
    );
    return { removed: [], in_progress: candidates };
  }
  for (const id of candidates) {
    if (live.has(id)) {
      report.in_progress.push(id);
      continue;
    }
    const deleted = await deleteGeneration(driver, database, id);
    report.removed.push({ generation_id: id, ...deleted });
    logger.warn(
      { generationId: id, ...deleted },
      'Removed the partial writes of a generation run that did not finish',
    );
  }
  if (report.in_progress.length)
    logger.info({ runs: report.in_progress }, 'Generation runs in progress elsewhere left alone');
  return report;
}
