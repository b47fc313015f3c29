/** `clear --yes [--regions …]`: batched deletion of all data or of chosen regions. */
import { ClearInput } from '../../../shared/api';
import { AppError, validationError } from '../../../shared/errors';
import { createClearService } from '../../services/clear';
import { withServices, type CliCommand } from '../context';
import { formatCount, formatSeconds } from '../format';
import { regionCodes } from './options';

type ClearOptions = { yes?: boolean; regions?: string[]; json?: boolean };

export const clearCommand: CliCommand = (program, context) => {
  program
    .command('clear')
    .description('Delete all data, or the data of some regions (needs --yes)')
    .option('--yes', 'confirm the deletion')
    .option('--regions <codes...>', 'only these regions', regionCodes)
    .option('--json', 'print the result as JSON')
    .action(async (options: ClearOptions) => {
      if (!options.yes)
        throw new AppError(
          'VALIDATION_ERROR',
          `Refusing to delete ${options.regions ? `regions ${options.regions.join(', ')}` : 'all data'} without --yes`,
          [{ field: 'confirm', message: 'pass --yes to confirm' }],
        );
      const parsed = ClearInput.safeParse({ confirm: true, regions: options.regions });
      if (!parsed.success) throw validationError(parsed.error, 'The clear request');
      await withServices(context, async (deps) => {
        const result = await createClearService(deps).clearGraph(parsed.data);
        if (options.json) context.out(JSON.stringify(result, null, 2));
        else
          context.out(
            `Deleted ${formatCount(result.deleted_nodes)} nodes and ` +
              `${formatCount(result.deleted_relationships)} relationships ` +
              `(${result.regions ? `regions ${result.regions.join(', ')}` : 'all data'}) in ${formatSeconds(result.seconds)}`,
          );
      });
    });
};
