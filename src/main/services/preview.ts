/**
 * Previews of writes: the parameterised statements a write would run, from the same builders its
 * run uses (and its audit entry records), without writing anything.
 */
import { GenerateRequest, type PreviewRequest } from '../../shared/api';
import type { WritePreview } from '../../shared/audit';
import { clearStatements } from './clear';
import { previewGeneration } from './generation/run';
import { assertRegionsConfigured } from './regions';
import type { Handlers, ServiceDeps } from './types';

/** Parameter names and types only: a query's values may be anything, secrets included. */
function parameterNames(parameters: Record<string, unknown>): string {
  const names = Object.entries(parameters).map(
    ([name, value]) =>
      `$${name}: ${value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value}`,
  );
  return names.length ? names.join(', ') : 'none';
}

export function createPreviewService(deps: ServiceDeps) {
  return {
    async previewWrite(input: PreviewRequest): Promise<WritePreview> {
      switch (input.write) {
        case 'generate':
          return {
            statements: await previewGeneration(deps, input.generate ?? GenerateRequest.parse({})),
          };
        case 'clear':
          assertRegionsConfigured(deps.config, input.regions);
          return { statements: clearStatements({ regions: input.regions }) };
        case 'query':
          return {
            statements: [
              { cypher: input.query, parameters_summary: parameterNames(input.parameters ?? {}) },
            ],
          };
      }
    },
  } satisfies Partial<Handlers>;
}
