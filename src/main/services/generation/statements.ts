/**
 * The statements of a generation run, from the same builders the writer and the replacing delete
 * use: one per plan part (run in UNWIND batches), then, when replacing, the deletes of the
 * regions' old data. The preview shows them and the audit entry stores them.
 */
import type { WriteStatement } from '../../../shared/audit';
import { NODE_LABELS } from '../../../shared/domain';
import { nodeCreateCypher, relCreateCypher } from './cypher';
import { deleteStatements, regionSelection } from './delete';
import type { GenerationParams } from './params';
import type { GenerationPlan, PlanPart } from './plan';

/** The Cypher one batch of a plan part runs. */
export const partCypher = (part: PlanPart): string =>
  part.target.kind === 'node' ? nodeCreateCypher(part.target) : relCreateCypher(part.target);

/** A stand-in for the run's id in the replacing deletes (the id is made when the run starts). */
const THIS_RUN = 'this run';

export function generationStatements(
  plan: GenerationPlan,
  params: Pick<GenerationParams, 'regions' | 'mode' | 'batchSize'>,
): WriteStatement[] {
  const writes = plan.steps.flatMap((step) =>
    step.parts
      .filter((part) => part.total > 0)
      .map((part) => ({
        cypher: partCypher(part),
        parameters_summary:
          `$rows: ${part.total} rows in batches of ${params.batchSize}; ` +
          '$generation: the run’s generation id',
      })),
  );
  if (params.mode !== 'replace') return writes;
  const regions = JSON.stringify(params.regions);
  const deletes = NODE_LABELS.flatMap((label) =>
    deleteStatements(regionSelection(label, params.regions, THIS_RUN)).map((cypher) => ({
      cypher,
      parameters_summary: `$regions: ${regions}; $spare: the run’s generation id`,
    })),
  );
  return [...writes, ...deletes];
}
