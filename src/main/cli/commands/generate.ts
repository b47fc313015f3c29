/**
 * `generate`: sample data with every generator field as a flag, in the seed's style
 * (`--regions NAI EMEA APAC --consultants 50 --products-per-company 5`).
 */
import type { Command } from 'commander';
import { GenerateRequest, type GenerationResult } from '../../../shared/api';
import { validationError, type AppError } from '../../../shared/errors';
import { createGenerationService } from '../../services/generation';
import { withServices, type CliCommand, type CliContext } from '../context';
import { countTable, formatCount, formatSeconds } from '../format';
import { createProgressReporter } from '../progress';
import { integerOption, probabilityOption, regionCodes } from './options';

/** Request field → flag, to name the flag when the request is refused. */
const GENERATE_FLAGS: Record<string, string> = {
  regions: '--regions',
  consultants_per_region: '--consultants',
  field_consultants_per_consultant: '--field-consultants-per-consultant',
  companies_per_field_consultant: '--companies-per-field-consultant',
  products_per_company: '--products-per-company',
  incumbents_per_company: '--incumbents-per-company',
  direct_coverage_probability: '--direct-coverage-probability',
  rating_probability: '--rating-probability',
  recommendation_probability: '--recommendation-probability',
  seed: '--seed',
  batch_size: '--batch-size',
};

type GenerateOptions = {
  regions?: string[];
  consultants?: number;
  fieldConsultantsPerConsultant?: number;
  companiesPerFieldConsultant?: number;
  productsPerCompany?: number;
  incumbentsPerCompany?: number;
  directCoverageProbability?: number;
  ratingProbability?: number;
  recommendationProbability?: number;
  seed?: number;
  replace?: boolean;
  batchSize?: number;
  json?: boolean;
};

function toRequest(options: GenerateOptions): GenerateRequest {
  const parsed = GenerateRequest.safeParse({
    regions: options.regions,
    consultants_per_region: options.consultants,
    field_consultants_per_consultant: options.fieldConsultantsPerConsultant,
    companies_per_field_consultant: options.companiesPerFieldConsultant,
    products_per_company: options.productsPerCompany,
    incumbents_per_company: options.incumbentsPerCompany,
    direct_coverage_probability: options.directCoverageProbability,
    rating_probability: options.ratingProbability,
    recommendation_probability: options.recommendationProbability,
    seed: options.seed,
    mode: options.replace ? 'replace' : 'append',
    batch_size: options.batchSize,
  });
  if (!parsed.success) throw validationError(parsed.error, 'The generate request');
  return parsed.data;
}

function printResult(context: CliContext, result: GenerationResult): void {
  context.out(
    `Generated ${formatCount(result.total_nodes)} nodes and ${formatCount(result.total_relationships)} ` +
      `relationships in ${formatSeconds(result.seconds)} ` +
      `(regions ${result.regions.join(', ')}; seed ${result.seed}; generation ${result.generation_id})`,
  );
  if (result.replaced)
    context.out(
      `Replaced ${formatCount(result.replaced.nodes)} nodes and ` +
        `${formatCount(result.replaced.relationships)} relationships of the earlier data`,
    );
  for (const line of countTable('Nodes', result.nodes_by_label)) context.out(line);
  for (const line of countTable('Relationships', result.relationships_by_type)) context.out(line);
}

async function generate(context: CliContext, options: GenerateOptions): Promise<void> {
  const request = toRequest(options);
  const json = options.json === true;
  await withServices(context, async (deps) => {
    const progress = createProgressReporter(context, json);
    const controller = new AbortController();
    // Ctrl-C cancels the run, which then removes its partial writes before exiting.
    const interrupt = (): void => controller.abort();
    process.once('SIGINT', interrupt);
    try {
      const result = await createGenerationService(deps).run(request, {
        signal: controller.signal,
        onProgress: progress.update,
      });
      progress.stop();
      if (json) context.out(JSON.stringify(result, null, 2));
      else printResult(context, result);
    } finally {
      progress.stop();
      process.off('SIGINT', interrupt);
    }
  });
}

export const generateCommand: CliCommand = (program: Command, context) => {
  program
    .command('generate')
    .description('Generate realistic sample data (sizes grow linearly in consultants)')
    .option(
      '--regions <codes...>',
      'regions to generate (default: every configured region)',
      regionCodes,
    )
    .option('--consultants <n>', 'consultants per region', integerOption)
    .option(
      '--field-consultants-per-consultant <n>',
      'field consultants per consultant',
      integerOption,
    )
    .option('--companies-per-field-consultant <n>', 'companies per field consultant', integerOption)
    .option('--products-per-company <n>', 'products each company owns', integerOption)
    .option('--incumbents-per-company <n>', 'incumbent products each company owns', integerOption)
    .option(
      '--direct-coverage-probability <p>',
      'chance a consultant covers a company directly',
      probabilityOption,
    )
    .option(
      '--rating-probability <p>',
      'chance a consultant rates a product of its network',
      probabilityOption,
    )
    .option(
      '--recommendation-probability <p>',
      'chance of each recommendation for an incumbent',
      probabilityOption,
    )
    .option('--seed <n>', 'random seed: the same seed gives the same data', integerOption)
    .option(
      '--replace',
      'replace the data of the generated regions (after the new data is written)',
    )
    .option(
      '--batch-size <n>',
      'rows per write transaction (default: GENERATOR_BATCH_SIZE)',
      integerOption,
    )
    .option('--json', 'print the result as JSON (no progress output)')
    .action((options: GenerateOptions) => generate(context, options));
};

/** Appends the flag to a refusal that names a request field. */
export function flagHint(error: AppError): string {
  const field = error.details?.find((d) => d.field)?.field?.split('.')[0];
  const flag = field ? GENERATE_FLAGS[field] : undefined;
  return flag ? ` [${flag}]` : '';
}
