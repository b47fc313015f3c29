/**
 * `import <files...>`: CSV and XLSX files into the graph, in one transaction; `--dry-run`
 * checks and counts without writing, `--preview` shows the column mapping and first rows.
 */
import { resolve, basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { NodeLabel, RelationshipType } from '../../../shared/domain';
import { isAppError } from '../../../shared/errors';
import type { ImportOptions, ImportResult } from '../../../shared/import';
import { previewImport, runImport } from '../../services/import';
import { withServices, type CliCommand, type CliContext } from '../context';
import { formatCount, formatSeconds } from '../format';

type Options = {
  label?: string;
  type?: string;
  map?: Record<string, string | null>;
  dryRun?: boolean;
  preview?: boolean;
  json?: boolean;
};

function mapping(value: string, previous: Record<string, string | null> = {}) {
  const at = value.lastIndexOf('=');
  if (at <= 0)
    throw new InvalidArgumentError('expected COLUMN=PROPERTY (or COLUMN= to leave it out).');
  return { ...previous, [value.slice(0, at)]: value.slice(at + 1) || null };
}

const enumOption = (schema: typeof NodeLabel | typeof RelationshipType) => (value: string) => {
  const parsed = schema.safeParse(value.toUpperCase());
  if (!parsed.success)
    throw new InvalidArgumentError(`expected one of ${schema.options.join(', ')}.`);
  return parsed.data;
};

function printResult(context: CliContext, result: ImportResult): void {
  for (const file of result.files)
    context.out(`${file.file}: ${formatCount(file.rows)} rows (${file.target ?? file.layout})`);
  const line = (what: string, c: ImportResult['nodes']) =>
    `${what}: ${formatCount(c.created)} created, ${formatCount(c.updated)} updated, ${formatCount(c.unchanged)} unchanged`;
  context.out(line('Nodes', result.nodes));
  context.out(line('Relationships', result.relationships));
  for (const e of result.errors)
    context.out(`${e.file} row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`);
  context.out(
    result.committed
      ? `Imported ${formatCount(result.rows)} rows in ${formatSeconds(result.seconds)}`
      : `Dry run: ${formatCount(result.errors_total)} bad rows; nothing was written (${formatSeconds(result.seconds)})`,
  );
}

async function importFiles(context: CliContext, paths: string[], options: Options): Promise<void> {
  const files = paths.map((p) => ({ path: resolve(p), name: basename(p) }));
  const input: ImportOptions = {
    label: options.label as NodeLabel | undefined,
    type: options.type as RelationshipType | undefined,
    mapping: options.map,
    dry_run: options.dryRun === true,
  };
  await withServices(context, async (deps) => {
    if (options.preview) {
      const previews = await Promise.all(files.map((f) => previewImport(deps, f, input)));
      context.out(JSON.stringify(previews, null, 2));
      return;
    }
    const controller = new AbortController();
    // Ctrl-C cancels: the transaction is rolled back and nothing is written.
    const interrupt = (): void => controller.abort();
    process.once('SIGINT', interrupt);
    try {
      const result = await runImport(deps, files, input, {
        signal: controller.signal,
        onProgress: (p) => {
          if (!options.json && p.phase === 'read')
            context.err(`${p.file ?? ''}: ${formatCount(p.rows)} rows read`);
        },
      });
      if (options.json) context.out(JSON.stringify(result, null, 2));
      else printResult(context, result);
    } catch (error) {
      if (isAppError(error))
        for (const d of error.details ?? []) context.err(`  ${d.field ?? ''}: ${d.message}`);
      throw error;
    } finally {
      process.off('SIGINT', interrupt);
    }
  });
}

export const importCommand: CliCommand = (program: Command, context) => {
  program
    .command('import')
    .description(
      "Import CSV or XLSX files (one label or relationship type each, or the app's exports)",
    )
    .argument('<files...>', '.csv or .xlsx files; nodes are written before relationships')
    .option(
      '--label <label>',
      'label of a file of nodes (default: from the file name)',
      enumOption(NodeLabel),
    )
    .option(
      '--type <type>',
      'type of a file of relationships (default: from the file name)',
      enumOption(RelationshipType),
    )
    .option(
      '--map <column=property>',
      'map a column to a property (repeatable; "column=" leaves it out)',
      mapping,
    )
    .option('--dry-run', 'check and count without writing')
    .option('--preview', 'print the column mapping and first rows as JSON, and stop')
    .option('--json', 'print the result as JSON')
    .action((paths: string[], options: Options) => importFiles(context, paths, options));
};
