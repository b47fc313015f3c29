import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService, GenerationError } from '../../../src/main/services/generation';
import { GenerateRequest, type GenerationJob } from '../../../src/shared/api';
import { removeRegions, testDriver, testRegions } from '../../support/db';
import { canonicalDump, databaseCounts, testDeps } from './support';

describe('failed and cancelled runs', () => {
  let driver: Driver;
  const regions = testRegions(1);
  const service = () => createGenerationService(testDeps(driver, regions));
  const request = (input: object) =>
    GenerateRequest.parse({ regions, consultants_per_region: 4, batch_size: 10, ...input });

  beforeAll(async () => {
    driver = testDriver();
    // Existing data in the region, which a replacing run must not lose when it fails.
    await service().run(request({ seed: 1 }));
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it('removes its partial writes when it fails midway (injected after N batches)', async () => {
    const before = await databaseCounts(driver);
    const error = await service()
      .run(request({ seed: 2 }), { failAfterBatches: 25 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenerationError);
    expect(error).toMatchObject({ code: 'INTERNAL', rolledBack: true });
    expect((error as Error).message).toMatch(/Injected failure after 25 batches.*as it was/);
    expect(await databaseCounts(driver)).toEqual(before);
  });

  it('removes its partial writes when it fails in the relationships phase', async () => {
    const before = await databaseCounts(driver);
    const phases: string[] = [];
    await expect(
      service().run(request({ seed: 3, batch_size: 50 }), {
        failAfterBatches: 12,
        onProgress: (p) => phases.push(p.phase),
      }),
    ).rejects.toMatchObject({ rolledBack: true });
    expect(phases).toContain('relationships');
    expect(phases.at(-1)).toBe('rollback');
    expect(await databaseCounts(driver)).toEqual(before);
  });

  it('leaves the old data of a replacing run that fails', async () => {
    const dump = await canonicalDump(driver, regions, true);
    const before = await databaseCounts(driver);
    await expect(
      service().run(request({ seed: 4, mode: 'replace' }), {
        failAfterBatches: 8,
      }),
    ).rejects.toMatchObject({ rolledBack: true });
    expect(await databaseCounts(driver)).toEqual(before);
    expect(await canonicalDump(driver, regions, true)).toEqual(dump);
  });

  it('removes its partial writes when cancelled', async () => {
    const before = await databaseCounts(driver);
    const controller = new AbortController();
    const error = await service()
      .run(request({ seed: 5 }), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.item === 'COMPANY' && p.done > 0) controller.abort();
        },
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED', rolledBack: true });
    expect(await databaseCounts(driver)).toEqual(before);
  });

  it('runs background jobs: progress, one at a time, cancel with rollback', async () => {
    const generator = service();
    const before = await databaseCounts(driver);
    const job = await generator.start(request({ seed: 6, batch_size: 5 }));
    expect(job.status).toBe('running');
    await expect(generator.start(request({ seed: 7 }))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const seen: GenerationJob[] = [];
    await new Promise<void>((resolve) => {
      const unsubscribe = generator.subscribe(job.id, (update) => {
        seen.push(update);
        if (update.progress?.phase === 'nodes' && update.progress.done > 0) {
          unsubscribe();
          resolve();
        }
      });
    });
    expect((await generator.cancel(job.id)).id).toBe(job.id);
    const finished = await generator.wait(job.id);
    expect(finished).toMatchObject({ status: 'cancelled', rolled_back: true, result: null });
    expect(finished.error?.code).toBe('CANCELLED');
    expect(finished.finished_at).not.toBeNull();
    expect((await generator.get(job.id)).status).toBe('cancelled');
    expect(seen.length).toBeGreaterThan(0);
    expect(await databaseCounts(driver)).toEqual(before);

    const next = await generator.start(request({ seed: 8, consultants_per_region: 1 }));
    const updates: GenerationJob[] = [];
    generator.subscribe(next.id, (update) => updates.push(update));
    const done = await generator.wait(next.id);
    expect(done.status).toBe('succeeded');
    expect(done.result?.total_nodes).toBe(24);
    expect(updates.at(-1)?.status).toBe('succeeded');
    // A late subscriber hears the outcome at once.
    let late: GenerationJob | undefined;
    generator.subscribe(next.id, (update) => (late = update));
    expect(late?.status).toBe('succeeded');
    await expect(generator.get('no-such-job')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
