import { parseConfig, type Config } from '../../../../../src/main/config/env';
import { NO_OFFSETS, type IdOffsets } from '../../../../../src/main/services/generation/ids';
import { resolveParams } from '../../../../../src/main/services/generation/params';
import { buildPlan, type GenerationPlan } from '../../../../../src/main/services/generation/plan';
import type { GenerateInput } from '../../../../../src/shared/api';
import { GenerateRequest } from '../../../../../src/shared/api';

export const config = (overrides: Record<string, string> = {}): Config =>
  parseConfig({ MAX_CONSULTANTS_PER_REGION: '1000', ...overrides });

export function planFor(input: GenerateInput, offsets?: Record<string, IdOffsets>): GenerationPlan {
  const params = resolveParams(GenerateRequest.parse(input), config());
  return buildPlan(
    params,
    offsets ?? Object.fromEntries(params.regions.map((r) => [r, NO_OFFSETS])),
  );
}

export type Materialised = {
  nodes: { label: string; row: Record<string, unknown> }[];
  relationships: {
    type: string;
    from: string;
    to: string;
    s: string;
    t: string;
    p: Record<string, unknown>;
  }[];
};

export function materialise(plan: GenerationPlan): Materialised {
  const out: Materialised = { nodes: [], relationships: [] };
  for (const step of plan.steps)
    for (const part of step.parts) {
      if (part.kind === 'node')
        for (const row of part.rows()) out.nodes.push({ label: part.target.label, row });
      else {
        const { type, from, to } = part.target;
        for (const row of part.rows()) out.relationships.push({ type, from, to, ...row });
      }
    }
  return out;
}
