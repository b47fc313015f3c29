/** `neo4j start|stop|status`: the managed local Neo4j (start leaves it running). */
import { resolveAppPaths } from '../../config/paths';
import { managedStatus, startManaged, stopManaged } from '../../db/managed/server';
import type { CliCommand } from '../context';

export const neo4jCommand: CliCommand = (program, context) => {
  const neo4j = program.command('neo4j').description('Manage the managed local Neo4j');
  const paths = () => resolveAppPaths(context.config());

  neo4j
    .command('start')
    .description('Start it in the background (or report the one already running)')
    .action(async () => {
      const { dataDir, cacheDir } = paths();
      const instance = await startManaged(
        {
          dataDir,
          cacheDir,
          boltPort: context.config().SMART_NETWORK_NEO4J_PORT,
          onProgress: (m) => context.err(m),
        },
        { detached: true },
      );
      const how = instance.owned
        ? `started in ${instance.startSeconds.toFixed(1)} s`
        : 'already running';
      context.out(`Neo4j ${instance.version} ${how}: ${instance.uri} (pid ${instance.pid})`);
      context.out(`Data: ${instance.homeDir}`);
    });

  neo4j
    .command('stop')
    .description('Stop it (gracefully, then forcibly after 60 s)')
    .action(async () => {
      const stopped = await stopManaged(paths().dataDir);
      context.out(stopped ? 'Neo4j stopped.' : 'Neo4j was not running.');
    });

  neo4j
    .command('status')
    .description('Whether it runs, its version and Bolt address')
    .option('--json', 'print the status as JSON')
    .action((options: { json?: boolean }) => {
      const status = managedStatus(paths().dataDir);
      if (options.json) context.out(JSON.stringify(status, null, 2));
      else if (status.running)
        context.out(
          `running: Neo4j ${status.version} at ${status.uri} (pid ${status.pid}, since ${status.startedAt})`,
        );
      else context.out(`stopped (data: ${status.dataDir})`);
    });
};
