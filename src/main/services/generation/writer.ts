/**
 * Writes a plan in UNWIND batches, each in a managed write transaction (retried on transient
 * errors). The next batch is generated while the current one is in flight, so row generation
 * overlaps the database's work. Checks the abort signal between batches.
 */
import type { Driver } from 'neo4j-driver';
import type { GenerationProgress } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { GenerationPlan, PlanPart, PlanStep } from './plan';
import { partCypher } from './statements';

export type WriteOptions = {
  driver: Driver;
  database: string;
  generationId: string;
  batchSize: number;
  startedAt: number;
  signal?: AbortSignal;
  onProgress: (progress: GenerationProgress) => void;
  /** Test hook: fail as if the database broke after this many batches were written. */
  failAfterBatches?: number;
};

export class InjectedFailure extends Error {
  constructor(batches: number) {
    super(`Injected failure after ${batches} batches`);
    this.name = 'InjectedFailure';
  }
}

function take<T>(iterator: Iterator<T>, count: number): T[] {
  const batch: T[] = [];
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    batch.push(next.value);
    if (batch.length === count) break;
  }
  return batch;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Generation cancelled');
}

async function writeBatch(options: WriteOptions, part: PlanPart, rows: unknown[]): Promise<void> {
  const { summary } = await options.driver.executeQuery(
    partCypher(part),
    { rows, generation: options.generationId },
    { database: options.database, routing: 'WRITE' },
  );
  const counters = summary.counters.updates();
  const written =
    part.target.kind === 'node' ? counters.nodesCreated : counters.relationshipsCreated;
  // An end that is not found silently drops its row: treat that as the failure it is.
  if (written !== rows.length)
    throw new AppError('INTERNAL', `Wrote ${written} of ${rows.length} ${part.target.kind} rows`);
}

export async function writePlan(plan: GenerationPlan, options: WriteOptions): Promise<void> {
  let batches = 0;
  for (const step of plan.steps) {
    const stepStarted = performance.now();
    let done = 0;
    const report = (current: PlanStep): void => {
      const seconds = (performance.now() - stepStarted) / 1000;
      options.onProgress({
        phase: current.phase,
        item: current.item,
        done,
        total: current.total,
        rate: seconds > 0 ? done / seconds : 0,
        elapsed_ms: performance.now() - options.startedAt,
      });
    };
    report(step);
    for (const part of step.parts) {
      const iterator = (part.rows() as Iterable<unknown>)[Symbol.iterator]();
      let batch = take(iterator, options.batchSize);
      while (batch.length > 0) {
        throwIfAborted(options.signal);
        const pending = writeBatch(options, part, batch);
        let following: unknown[];
        try {
          // Let the driver send the batch before this thread turns to generating the next one.
          await nextTurn();
          following = take(iterator, options.batchSize);
        } catch (error) {
          await pending.catch(() => undefined);
          throw error;
        }
        await pending;
        batches += 1;
        done += batch.length;
        report(step);
        if (options.failAfterBatches !== undefined && batches >= options.failAfterBatches)
          throw new InjectedFailure(batches);
        batch = following;
      }
    }
  }
}
