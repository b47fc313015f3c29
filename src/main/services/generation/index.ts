/**
 * The sample-data generator: synchronous runs (CLI, benchmarks) and background jobs (REST API,
 * desktop app) with progress, cancellation and rollback of failed or cancelled runs.
 */
import type { GenerateRequest, GenerationJob, GenerationResult } from '../../../shared/api';
import type { Handlers, ServiceDeps } from '../types';
import type { JobStore } from './job-store';
import { createJobRegistry } from './jobs';
import { resolveParams } from './params';
import { runGeneration, type RunOptions } from './run';

export { GenerationError } from './run';
export type GenerationService = {
  run: (request: GenerateRequest, options?: RunOptions) => Promise<GenerationResult>;
  start: (request: GenerateRequest) => Promise<GenerationJob>;
  get: (id: string) => Promise<GenerationJob>;
  cancel: (id: string) => Promise<GenerationJob>;
  wait: (id: string) => Promise<GenerationJob>;
  subscribe: (id: string, listener: (job: GenerationJob) => void) => () => void;
};

/** `store`: where other API instances see the jobs (Redis); without it, this process only. */
export function createGenerationService(deps: ServiceDeps, store?: JobStore): GenerationService {
  const run = (request: GenerateRequest, options?: RunOptions): Promise<GenerationResult> =>
    runGeneration(deps, request, options);
  // Bounds and regions are checked before a job starts, so a bad request fails as a 4xx.
  const jobs = createJobRegistry(run, (request) => void resolveParams(request, deps.config), store);
  return { run, ...jobs };
}

/**
 * The contract's generation operations, over the service's job registry. Each answers with a
 * promise, rejected (not thrown synchronously) for a refused request or an unknown job.
 */
export const generationOperations = (generation: GenerationService) =>
  ({
    startGeneration: (input) => Promise.resolve(input).then((request) => generation.start(request)),
    getGenerationJob: (input) => Promise.resolve(input.id).then((id) => generation.get(id)),
    cancelGeneration: (input) => Promise.resolve(input.id).then((id) => generation.cancel(id)),
  }) satisfies Partial<Handlers>;
