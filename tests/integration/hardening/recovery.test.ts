/**
 * Start-up recovery: a generation run cut off midway (here: its writer stops after a few
 * batches, with no rollback and no record, as when the process is killed) is removed by
 * `removeAbandonedRuns`, which says so; finished runs, hand-made data and a run that is still
 * being written by another process are left alone.
 */
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenerateRequest } from '../../../src/shared/api';
import { runGeneration } from '../../../src/main/services/generation/run';
import { readIdOffsets } from '../../../src/main/services/generation/offsets';
import { resolveParams } from '../../../src/main/services/generation/params';
import { buildPlan } from '../../../src/main/services/generation/plan';
import { writePlan } from '../../../src/main/services/generation/writer';
import { removeAbandonedRuns } from '../../../src/main/services/generation/recovery';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { testDeps } from '../generation/support';

let driver: Driver;
let regions: string[];
const database = (): string => testDatabase().database;

beforeAll(() => {
  regions = testRegions(2);
  driver = testDriver();
});

afterAll(async () => {
  await removeRegions(driver, regions);
  await driver.close();
});

/** Writes part of a run into `region` and stops, leaving what a killed process leaves. */
async function abandonedRun(region: string, generationId: string): Promise<number> {
  const deps = testDeps(driver, regions);
  const params = resolveParams(
    GenerateRequest.parse({ regions: [region], consultants_per_region: 3, batch_size: 10 }),
    deps.config,
  );
  const plan = buildPlan(params, await readIdOffsets(driver, database(), [region]));
  await expect(
    writePlan(plan, {
      driver,
      database: database(),
      generationId,
      batchSize: params.batchSize,
      startedAt: performance.now(),
      onProgress: () => undefined,
      failAfterBatches: 4,
    }),
  ).rejects.toThrow(/Injected failure/);
  return countStamped(generationId);
}

async function countStamped(generationId: string): Promise<number> {
  const { records } = await driver.executeQuery(
    // The run's record (SN_GENERATION) carries the id too; only the network's nodes count.
    'MATCH (n) WHERE n.generation_id = $id AND NOT n:SN_GENERATION RETURN count(n) AS n',
    { id: generationId },
    { database: database() },
  );
  return Number(records[0]?.get('n'));
}

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe('start-up recovery of unfinished generation runs', () => {
  it('removes a cut-off run, says so, and keeps finished runs and other data', async () => {
    const [A = '', B = ''] = regions;
    const finished = await runGeneration(
      testDeps(driver, regions),
      GenerateRequest.parse({ regions: [B], consultants_per_region: 2, seed: 7 }),
    );
    await driver.executeQuery(
      "CREATE (:CONSULTANT {id: $id, name: 'Hand Made', region: $region})",
      { id: `${A}-HAND-1`, region: A },
      { database: database() },
    );
    const cut = 'gen-cut-off-test';
    const partial = await abandonedRun(A, `${cut}-${A}`);
    expect(partial).toBeGreaterThan(0);

    const { logger, lines } = capturingLogger();
    const report = await removeAbandonedRuns(driver, database(), logger);

    const mine = report.removed.find((run) => run.generation_id === `${cut}-${A}`);
    expect(mine?.nodes).toBe(partial);
    expect(await countStamped(`${cut}-${A}`)).toBe(0);
    expect(await countStamped(finished.generation_id)).toBe(finished.total_nodes);
    const { records } = await driver.executeQuery(
      'MATCH (n:CONSULTANT {id: $id}) RETURN count(n) AS n',
      { id: `${A}-HAND-1` },
      { database: database() },
    );
    expect(Number(records[0]?.get('n'))).toBe(1);
    expect(lines.join('')).toContain('did not finish');
    expect(lines.join('')).toContain(`${cut}-${A}`);
  });

  it('leaves a run that another process is still writing, and removes it once that stops', async () => {
    const [A = ''] = regions;
    const id = 'gen-live-elsewhere-test';
    const partial = await abandonedRun(A, id);
    // Another process's run, caught with a write in flight: its statement (carrying the run's
    // id as a parameter) waits for a lock that this test holds until recovery has looked.
    const lockId = `${A}-LOCK-1`;
    await driver.executeQuery(
      "CREATE (:CONSULTANT {id: $id, name: 'Lock', region: $region})",
      { id: lockId, region: A },
      { database: database() },
    );
    const holder = driver.session({ database: database() });
    const writer = driver.session({ database: database() });
    const lock = holder.beginTransaction();
    try {
      await lock.run('MATCH (n:CONSULTANT {id: $id}) SET n.locked = true', { id: lockId });
      const waiting = writer.run('MATCH (n:CONSULTANT {id: $id}) SET n.touched_by = $generation', {
        id: lockId,
        generation: id,
      });
      const blocked = waiting.summary().catch((error: unknown) => error);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const during = await removeAbandonedRuns(driver, database(), pino({ level: 'silent' }));
      expect(during.in_progress).toContain(id);
      expect(await countStamped(id)).toBe(partial);
      await lock.rollback();
      await blocked;
    } finally {
      await holder.close();
      await writer.close();
    }
    const after = await removeAbandonedRuns(driver, database(), pino({ level: 'silent' }));
    expect(after.removed.map((run) => run.generation_id)).toContain(id);
    expect(await countStamped(id)).toBe(0);
  });
});
