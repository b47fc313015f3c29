/** `setup`: constraints and indexes (idempotent), reporting which ones are new. */
import { setupSchema } from '../../db/schema';
import { withServices, type CliCommand } from '../context';
import { formatSeconds } from '../format';

export const setupCommand: CliCommand = (program, context) => {
  program
    .command('setup')
    .description('Create the constraints and indexes (idempotent)')
    .option('--json', 'print the result as JSON')
    .action((options: { json?: boolean }) =>
      withServices(context, async (deps, db) => {
        const result = await setupSchema(deps.driver, deps.database);
        if (options.json) {
          context.out(JSON.stringify(result, null, 2));
          return;
        }
        context.out(`Neo4j ${db.info.version} (${db.info.edition}) at ${db.settings.uri}`);
        context.out(
          result.created.length > 0
            ? `Created ${result.created.length}: ${result.created.join(', ')}`
            : 'Nothing new: every constraint and index already exists.',
        );
        context.out(
          `${result.existing.length} already present; done in ${formatSeconds(result.seconds)}.`,
        );
      }),
    );
};
