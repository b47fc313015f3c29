/**
 * One generation run: check the request, ensure the schema, write the plan, and on success
 * record it (and, when replacing, only then delete the regions' old data). A run that fails or
 * is cancelled deletes what it wrote (by its generation id) and says whether that worked.
 */
import { randomBytes } from 'node:crypto';
import type {
  GenerateRequest,
  GenerationProgress,
  GenerationResult,
  GenerationSummary,
} from '../../../shared/api';
import { AppError, isAppError } from '../../../shared/errors';
import { databaseError } from '../../db/errors';
import { setupSchema } from '../../db/schema';
import type { ServiceDeps } from '../types';
import { deleteForLabels, deleteGeneration, regionSelection } from './delete';
import { readIdOffsets } from './offsets';
import { resolveParams, type GenerationParams } from './params';
import { buildPlan, type GenerationPlan } from './plan';
import { recordGeneration } from './record';
import { generationStatements } from './statements';
import { statementsText, type WriteStatement } from '../../../shared/audit';
import type { AuditRecord } from '../audit';
import { InjectedFailure, throwIfAborted, writePlan } from './writer';

export type RunOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: GenerationProgress) => void;
  /** Test hook: fail after this many written batches, to prove the rollback. */
  failAfterBatches?: number;
};

/** A failed or cancelled run; `rolledBack` says whether its partial writes were removed. */
export class GenerationError extends AppError {
  constructor(
    cause: AppError,
    readonly rolledBack: boolean,
    readonly generationId: string,
  ) {
    const outcome = rolledBack
      ? 'its partial writes were removed; the database is as it was before the run'
      : 'removing its partial writes failed too; delete the nodes with generation_id ' +
        `"${generationId}" (or clear the regions) before trusting the data`;
    super(cause.code, `${cause.message}; ${outcome}.`, cause.details);
    this.name = 'GenerationError';
  }
}

const newGenerationId = (): string =>
  `gen-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;

function asAppError(error: unknown, deps: ServiceDeps): AppError {
  if (isAppError(error)) return error;
  if (error instanceof InjectedFailure)
    return new AppError('INTERNAL', `Generation failed (${error.message})`);
  return (
    databaseError(error, deps.target) ??
    new AppError('INTERNAL', 'Generation failed while writing to the database')
  );
}

async function rollBack(deps: ServiceDeps, generationId: string, wrote: boolean): Promise<boolean> {
  if (!wrote) return true;
  try {
    await deleteGeneration(deps.driver, deps.database, generationId);
    return true;
  } catch (error) {
    deps.logger.error({ generationId, err: error }, 'rollback failed');
    return false;
  }
}

function resultOf(
  generationId: string,
  params: GenerationParams,
  plan: GenerationPlan,
  startedAt: number,
): GenerationResult {
  return {
    generation_id: generationId,
    regions: params.regions,
    seed: params.seed,
    nodes_by_label: plan.nodesByLabel,
    relationships_by_type: plan.relationshipsByType,
    total_nodes: plan.totalNodes,
    total_relationships: plan.totalRelationships,
    seconds: (performance.now() - startedAt) / 1000,
    replaced: null,
  };
}

const summaryOf = (
  generationId: string,
  params: GenerationParams,
  plan: GenerationPlan,
): GenerationSummary => ({
  generation_id: generationId,
  finished_at: new Date().toISOString(),
  regions: params.regions,
  nodes: plan.totalNodes,
  relationships: plan.totalRelationships,
  seed: params.seed,
});

function generationAudit(
  generationId: string,
  params: GenerationParams,
  plan: GenerationPlan,
): AuditRecord {
  return {
    action: 'generate',
    summary:
      `Generated ${plan.totalNodes} nodes and ${plan.totalRelationships} relationships in ` +
      `${params.regions.join(', ')} (${params.mode}, seed ${params.seed}, ${generationId})`,
    counts: { nodes_created: plan.totalNodes, relationships_created: plan.totalRelationships },
    cypher: statementsText(generationStatements(plan, params)),
  };
}

/** What a run of this request would write, without writing (ids continue the regions' own). */
export async function previewGeneration(
  deps: ServiceDeps,
  request: GenerateRequest,
): Promise<WriteStatement[]> {
  const params = resolveParams(request, deps.config);
  const offsets = await readIdOffsets(deps.driver, deps.database, params.regions);
  return generationStatements(buildPlan(params, offsets), params);
}

export async function runGeneration(
  deps: ServiceDeps,
  request: GenerateRequest,
  options: RunOptions = {},
  generationId = newGenerationId(),
): Promise<GenerationResult> {
  const params = resolveParams(request, deps.config);
  const { driver, database, logger } = deps;
  const startedAt = performance.now();
  const progress = (p: GenerationProgress): void => options.onProgress?.(p);
  progress({ phase: 'prepare', item: null, done: 0, total: 0, rate: 0, elapsed_ms: 0 });
  let wrote = false;
  let plan: GenerationPlan;
  try {
    throwIfAborted(options.signal);
    await setupSchema(driver, database);
    const offsets = await readIdOffsets(driver, database, params.regions);
    plan = buildPlan(params, offsets);
    logger.info(
      { generationId, seed: params.seed, regions: params.regions, nodes: plan.totalNodes },
      'generation started',
    );
    wrote = true;
    await writePlan(plan, {
      driver,
      database,
      generationId,
      batchSize: params.batchSize,
      startedAt,
      signal: options.signal,
      onProgress: progress,
      failAfterBatches: options.failAfterBatches,
    });
    throwIfAborted(options.signal);
    await recordGeneration(
      driver,
      database,
      summaryOf(generationId, params, plan),
      generationAudit(generationId, params, plan),
    );
  } catch (error) {
    logger.warn({ generationId, err: error }, 'generation failed; rolling back');
    progress({
      phase: 'rollback',
      item: null,
      done: 0,
      total: 0,
      rate: 0,
      elapsed_ms: performance.now() - startedAt,
    });
    throw new GenerationError(
      asAppError(error, deps),
      await rollBack(deps, generationId, wrote),
      generationId,
    );
  }
  const result = resultOf(generationId, params, plan, startedAt);
  if (params.mode === 'replace') {
    // The new data is complete and committed; only now does the old data of its regions go.
    const replaced = await deleteForLabels(driver, database, (label) =>
      regionSelection(label, params.regions, generationId),
    );
    result.replaced = replaced;
    result.seconds = (performance.now() - startedAt) / 1000;
  }
  const total = plan.totalNodes + plan.totalRelationships;
  progress({
    phase: 'done',
    item: null,
    done: total,
    total,
    rate: total / result.seconds,
    elapsed_ms: result.seconds * 1000,
  });
  logger.info({ generationId, seconds: result.seconds }, 'generation finished');
  return result;
}
