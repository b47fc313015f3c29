/**
 * `npm run bench:import [-- --rows 100000] [--rounds 2] [--allow-clear]`
 *
 * Writes a CSV file of companies (100,000 rows by default) and imports it into an empty
 * database with the import service (streamed, validated, merged in one transaction), then
 * imports it again (every row unchanged). In the same run, a baseline writes the same rows,
 * already parsed and typed in memory, with a raw-driver `UNWIND … MERGE … SET` in batches of
 * the same size within one transaction. Prints rows/s, the ratio to the baseline and the peak
 * RSS of this process for each. Results also go to bench-results/import.json.
 */
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import pino from 'pino';
import { databaseTarget } from '../../src/main/db/driver';
import { setupSchema } from '../../src/main/db/schema';
import { runImport } from '../../src/main/services/import';
import type { ServiceDeps } from '../../src/main/services/types';
import { runMain } from '../run-main';
import { openBenchDatabase } from './generate-db';
import { measure } from './generate-measure';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const ROWS = Number(flag('--rows') ?? 100_000);
const ROUNDS = Number(flag('--rounds') ?? 2);
const BATCH = 5_000;
const REGION = 'BENCH';
const HEADER = 'id,name,region,sales_region,channel,pca,aca,privacy,aum';

const company = (i: number) => ({
  id: `${REGION}-CO-${String(i).padStart(6, '0')}`,
  name: `Company ${i}, "Pension" Fund`,
  region: REGION,
  sales_region: 'East',
  channel: 'Direct',
  pca: `PCA ${i % 97}`,
  aca: `ACA ${i % 89}`,
  privacy: ['Public', 'Private', 'Confidential'][i % 3]!,
  aum: (i * 1_234.5) % 9_000_000,
});

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER}\n`);
  for (let i = 1; i <= ROWS; i++) {
    const c = company(i);
    const line = `${c.id},"${c.name.replaceAll('"', '""')}",${c.region},${c.sales_region},${c.channel},${c.pca},${c.aca},${c.privacy},${c.aum}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
const rate = (rows: number, seconds: number): string =>
  `${Math.round(rows / seconds).toLocaleString('en-US')} rows/s`;

await runMain(async () => {
  const db = await openBenchDatabase(process.argv.includes('--allow-clear'));
  console.log(`Database: ${db.description}`);
  const deps: ServiceDeps = {
    driver: db.driver,
    database: db.database,
    config: { ...db.config, LOG_LEVEL: 'silent' },
    logger: pino({ level: 'silent' }),
    target: databaseTarget(() => db.settings),
  };
  const dir = mkdtempSync(join(tmpdir(), 'smart-network-bench-import-'));
  const path = join(dir, 'COMPANY.csv');
  const clear = async (): Promise<void> => {
    const session = db.driver.session({ database: db.database });
    try {
      await session.run(
        'MATCH (n:COMPANY {region: $region}) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
        { region: REGION },
      );
    } finally {
      await session.close();
    }
  };
  type Row = { writer: string; round: number; seconds: number; peakRssBytes: number };
  const results: Row[] = [];
  try {
    await setupSchema(db.driver, db.database);
    await clear();
    await writeFile(path);
    console.log(`File: ${ROWS.toLocaleString('en-US')} rows, ${mb(statSync(path).size)}`);
    const file = { path, name: 'COMPANY.csv' };

    const baseline = async (): Promise<number> => {
      // Parsed and typed up front: the baseline pays only for the writes.
      const rows = Array.from({ length: ROWS }, (_, i) => company(i + 1));
      const session = db.driver.session({ database: db.database });
      const started = performance.now();
      try {
        const tx = session.beginTransaction();
        for (let i = 0; i < rows.length; i += BATCH)
          await tx.run('UNWIND $rows AS row MERGE (n:COMPANY {id: row.id}) SET n += row', {
            rows: rows.slice(i, i + BATCH),
          });
        await tx.commit();
      } finally {
        await session.close();
      }
      return (performance.now() - started) / 1000;
    };

    // Warm the database and the JIT.
    await runImport(deps, [file], { dry_run: true });
    for (let round = 1; round <= ROUNDS; round++) {
      const fresh = await measure(() => runImport(deps, [file]));
      if (fresh.value.nodes.created !== ROWS)
        throw new Error('The import did not create every row');
      results.push({
        writer: 'import (empty database)',
        round,
        seconds: fresh.seconds,
        peakRssBytes: fresh.peakRssBytes,
      });
      const again = await measure(() => runImport(deps, [file]));
      if (again.value.nodes.unchanged !== ROWS) throw new Error('A second import changed rows');
      results.push({
        writer: 'import again (unchanged)',
        round,
        seconds: again.seconds,
        peakRssBytes: again.peakRssBytes,
      });
      await clear();
      const raw = await measure(baseline);
      results.push({
        writer: 'baseline UNWIND MERGE',
        round,
        seconds: raw.value,
        peakRssBytes: raw.peakRssBytes,
      });
      const { records } = await db.driver.executeQuery(
        'MATCH (n:COMPANY {region: $region}) RETURN count(n) AS n',
        { region: REGION },
        { database: db.database },
      );
      if (Number(records[0]?.get('n')) !== ROWS) throw new Error('The baseline wrote other rows');
      await clear();
      for (const r of results.filter((x) => x.round === round))
        console.log(
          `  round ${round}, ${r.writer}: ${r.seconds.toFixed(2)} s, ${rate(ROWS, r.seconds)}, peak RSS ${mb(r.peakRssBytes)}`,
        );
    }
    const best = (writer: string) =>
      Math.min(...results.filter((r) => r.writer === writer).map((r) => r.seconds));
    const base = best('baseline UNWIND MERGE');
    console.log(`\n${ROWS.toLocaleString('en-US')} rows, best of ${ROUNDS} rounds`);
    for (const writer of [
      'import (empty database)',
      'import again (unchanged)',
      'baseline UNWIND MERGE',
    ]) {
      const seconds = best(writer);
      const peak = Math.max(
        ...results.filter((r) => r.writer === writer).map((r) => r.peakRssBytes),
      );
      console.log(
        `  ${writer.padEnd(26)} ${seconds.toFixed(2).padStart(6)} s  ${rate(ROWS, seconds).padStart(14)}  ` +
          `${(base / seconds).toFixed(2)}× baseline  peak RSS ${mb(peak)}`,
      );
    }
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(
      'bench-results/import.json',
      `${JSON.stringify({ rows: ROWS, cpus: cpus().length, loadavg: loadavg(), results }, null, 2)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  }
});
