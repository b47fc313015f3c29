/**
 * `npm run bench:generate [-- --allow-clear] [--sizes 1000,5000,20000] [--large 7600] [--rounds 2]`
 *
 * Generates the README's largest table row (200 consultants per region, three regions, about
 * 14,400 nodes) and a run of about 1,000,000 relationships, printing nodes/s, relationships/s,
 * seconds and the peak RSS of this process. In the same run, a baseline writes the very same
 * rows with a minimal raw-driver UNWIND … CREATE script at several batch sizes; the generator's
 * throughput is printed as a ratio of the best of them. Finally it times clearing the
 * million-relationship database. Results also go to bench-results/generate.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pino from 'pino';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { createClearService } from '../../src/main/services/clear';
import { createGenerationService } from '../../src/main/services/generation';
import { NO_OFFSETS } from '../../src/main/services/generation/ids';
import { resolveParams } from '../../src/main/services/generation/params';
import { buildPlan } from '../../src/main/services/generation/plan';
import type { ServiceDeps } from '../../src/main/services/types';
import { GenerateRequest } from '../../src/shared/api';
import { runMain } from '../run-main';
import { writeBaseline } from './generate-baseline';
import { openBenchDatabase } from './generate-db';
import { formatTable, measure, type BenchRow } from './generate-measure';

const SEED = 42;

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const sizes = (flag('--sizes') ?? '1000,5000,10000,20000').split(',').map(Number);
const largeConsultants = Number(flag('--large') ?? 7_600);
const rounds = Number(flag('--rounds') ?? 2);

await runMain(async () => {
  const db = await openBenchDatabase(process.argv.includes('--allow-clear'));
  console.log(`Database: ${db.description}`);
  const deps: ServiceDeps = {
    driver: db.driver,
    database: db.database,
    config: { ...db.config, MAX_CONSULTANTS_PER_REGION: 100_000, LOG_LEVEL: 'silent' },
    logger: pino({ level: 'silent' }),
    target: databaseTarget(() => db.settings),
  };
  const generator = createGenerationService(deps);
  const clearer = createClearService(deps);
  const clear = () => clearer.clearGraph({ confirm: true });
  const rows: BenchRow[] = [];
  const regions = deps.config.REGIONS;
  try {
    await setupSchema(db.driver, db.database);
    await clear();
    // Warm the database and the JIT so that neither writer pays for a cold start.
    await generator.run(GenerateRequest.parse({ consultants_per_region: 50, seed: 1 }));
    await clear();

    const scenario = async (
      name: string,
      consultants: number,
      batchSizes: number[],
      rounds: number,
    ) => {
      const request = GenerateRequest.parse({ consultants_per_region: consultants, seed: SEED });
      const plan = buildPlan(
        resolveParams(request, deps.config),
        Object.fromEntries(regions.map((r) => [r, NO_OFFSETS])),
      );
      const base = {
        scenario: name,
        nodes: plan.totalNodes,
        relationships: plan.totalRelationships,
      };
      console.log(`\n${name}: ${base.nodes} nodes, ${base.relationships} relationships`);
      const baselines: BenchRow[] = [];
      const generatorRuns: BenchRow[] = [];
      // Rounds alternate the writers, so that a busy moment of the machine hits both alike.
      for (let round = 1; round <= rounds; round++) {
        for (const batch of batchSizes) {
          const run = await measure(() =>
            writeBaseline(db.driver, db.database, plan, batch, 'baseline'),
          );
          const row = {
            ...base,
            writer: 'baseline',
            batch,
            seconds: run.value,
            peakRssBytes: run.peakRssBytes,
          };
          baselines.push(row);
          console.log(`  baseline, batch ${batch}: ${run.value.toFixed(2)} s writing`);
          await clear();
        }
        const generated = await measure(() => generator.run(request));
        const result = generated.value;
        if (
          result.total_nodes !== plan.totalNodes ||
          result.total_relationships !== plan.totalRelationships
        )
          throw new Error('The generator wrote other totals than the baseline');
        const genRow = {
          ...base,
          writer: 'generator',
          batch: deps.config.GENERATOR_BATCH_SIZE,
          seconds: generated.seconds,
          peakRssBytes: generated.peakRssBytes,
        };
        console.log(`  generator: ${generated.seconds.toFixed(2)} s end to end`);
        generatorRuns.push(genRow);
        if (round < rounds) {
          await clear();
          continue;
        }
        const cleared = await measure(() => clear());
        const clearRow = {
          ...base,
          writer: 'clear',
          batch: 0,
          nodes: cleared.value.deleted_nodes,
          relationships: cleared.value.deleted_relationships,
          seconds: cleared.seconds,
          peakRssBytes: cleared.peakRssBytes,
        };
        console.log(`  clear: ${cleared.seconds.toFixed(2)} s`);
        rows.push(...baselines, ...generatorRuns, clearRow);
      }
      const fastest = (list: BenchRow[]) => list.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const best = fastest(baselines);
      const genBest = fastest(generatorRuns);
      return { best, genRow: genBest, ratio: best.seconds / genBest.seconds };
    };

    const small = await scenario('200/region', 200, sizes, rounds);
    // `--large 0` skips the million-relationship run.
    const large =
      largeConsultants > 0
        ? await scenario(`${largeConsultants}/region`, largeConsultants, [small.best.batch], 1)
        : null;

    console.log(`\n${formatTable(rows)}\n`);
    const report = (name: string, s: typeof small) =>
      console.log(
        `${name}: generator throughput = ${s.ratio.toFixed(2)} × baseline ` +
          `(best baseline batch ${s.best.batch}; target ≥ 0.8)`,
      );
    report('200/region', small);
    if (large) report(`${largeConsultants}/region`, large);
    console.log(
      `200/region dataset (${small.genRow.nodes} nodes) in ${small.genRow.seconds.toFixed(2)} s (target < 10 s)`,
    );
    const clearLarge = rows.filter((r) => r.writer === 'clear').at(-1)!;
    console.log(
      `Clearing ${clearLarge.nodes} nodes and ${clearLarge.relationships} relationships took ` +
        `${clearLarge.seconds.toFixed(1)} s in batches (Neo4j heap max 1g; Node peak RSS ` +
        `${Math.round((clearLarge.peakRssBytes ?? 0) / 1024 / 1024)} MB).`,
    );
    const [load1, load5] = loadavg();
    console.log(
      `Machine: ${cpus().length} CPUs, load average ${load1!.toFixed(1)} (1 min), ` +
        `${load5!.toFixed(1)} (5 min) at the end; figures are from one shared machine.`,
    );
    console.log(
      `Peak RSS of this process overall: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    );
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/generate.json',
      JSON.stringify(
        { database: db.description, rows, ratios: { small: small.ratio, large: large?.ratio } },
        null,
        2,
      ),
    );
  } finally {
    await db.close();
  }
});
