/** `stats`: counts per label, type and region, store size and the last generation. */
import type { StatsResponse } from '../../../shared/api';
import { createStatsService } from '../../services/stats';
import { withServices, type CliCommand, type CliContext } from '../context';
import { countTable, formatBytes, formatCount } from '../format';

function print(context: CliContext, stats: StatsResponse): void {
  context.out(
    `${formatCount(stats.total_nodes)} nodes, ${formatCount(stats.total_relationships)} relationships` +
      (stats.database_size_bytes === null
        ? ''
        : `, store ${formatBytes(stats.database_size_bytes)}`),
  );
  for (const line of countTable('Nodes', stats.nodes_by_label)) context.out(line);
  for (const line of countTable('Relationships', stats.relationships_by_type)) context.out(line);
  if (stats.regions.length > 0)
    for (const line of countTable(
      'Regions',
      Object.fromEntries(stats.regions.map((r) => [r.region, r.nodes])),
    ))
      context.out(line);
  const last = stats.last_generation;
  context.out(
    last
      ? `Last generation: ${last.generation_id} at ${last.finished_at} (${last.regions.join(', ')}; ` +
          `${formatCount(last.nodes)} nodes, ${formatCount(last.relationships)} relationships; seed ${last.seed ?? '-'})`
      : 'Last generation: none recorded',
  );
}

export const statsCommand: CliCommand = (program, context) => {
  program
    .command('stats')
    .description('Show database statistics')
    .option('--json', 'print the statistics as JSON')
    .action((options: { json?: boolean }) =>
      withServices(context, async (deps) => {
        const stats = await createStatsService(deps).getStats();
        if (options.json) context.out(JSON.stringify(stats, null, 2));
        else print(context, stats);
      }),
    );
};
