/**
 * EXPLAIN and PROFILE of custom Cypher against the real database, read-only still enforced by
 * the session, and stopping a running query: its transaction ends in the database.
 */
import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { QueryRequest, type QueryInput } from '../../../src/shared/api';
import { createQueryService } from '../../../src/main/services/query';
import { testDatabase } from '../../support/db';
import { until } from '../../support/transactions';
import { useFilterGraph } from './deps';

let driver: Driver;
let service: ReturnType<typeof createQueryService>;
let A: string;

useFilterGraph((fixture) => {
  ({ driver, A } = fixture);
  service = createQueryService(fixture.deps);
});

const run = (input: QueryInput) => service.runQuery(QueryRequest.parse(input));

const LONG_QUERY = 'UNWIND range(1, 100000000) AS x RETURN count(x) AS n';

async function runningTransactions(): Promise<string[]> {
  const { records } = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN currentQuery',
    { text: 'range(1, 100000000)' },
    { database: testDatabase().database },
  );
  return records.map((r) => String(r.get('currentQuery')));
}

describe('query plans', () => {
  it('EXPLAIN answers the plan tree without running the query', async () => {
    const result = await run({
      query: 'MATCH (c:CONSULTANT {region: $region}) RETURN c.name AS name',
      parameters: { region: A },
      plan: 'explain',
    });
    expect(result.rows).toEqual([]);
    const plan = result.plan ?? [];
    expect(plan[0]?.operator).toBe('ProduceResults');
    // The consultants are read by a label scan and a filter, or by an index seek where the
    // region index exists.
    expect(plan.map((o) => o.operator).join(' ')).toMatch(/NodeByLabelScan|NodeIndexSeek/);
    expect(plan.every((o) => o.rows === null && o.db_hits === null)).toBe(true);
    expect(plan.some((o) => (o.estimated_rows ?? -1) >= 0)).toBe(true);
    expect(plan[0]?.identifiers).toContain('name');
    // Every child position names an operator of the list; the root reaches them all.
    const reached = new Set<number>();
    const visit = (i: number): void => {
      reached.add(i);
      for (const child of plan[i]?.children ?? []) visit(child);
    };
    visit(0);
    expect(reached.size).toBe(plan.length);
  });

  it('PROFILE runs the query and counts rows and db hits per operator', async () => {
    const result = await run({
      query: 'MATCH (c:CONSULTANT {region: $region}) RETURN count(c) AS n',
      parameters: { region: A },
      plan: 'profile',
    });
    const count = Number(result.rows[0]?.n);
    expect(count).toBeGreaterThan(0);
    const plan = result.plan ?? [];
    expect(plan[0]?.rows).toBe(1);
    expect(plan.reduce((sum, o) => sum + (o.db_hits ?? 0), 0)).toBeGreaterThan(0);
    expect(plan.every((o) => typeof o.rows === 'number')).toBe(true);
  });

  it('a PROFILE or EXPLAIN written in the query returns its plan too', async () => {
    const profiled = await run({ query: 'PROFILE RETURN 1 AS one' });
    expect(profiled.rows).toEqual([{ one: 1 }]);
    expect(profiled.plan?.[0]?.rows).toBe(1);
    const explained = await run({ query: 'EXPLAIN RETURN 1 AS one', plan: 'profile' });
    expect(explained.plan?.[0]?.db_hits).not.toBeNull();
    expect((await run({ query: 'RETURN 1 AS one' })).plan).toBeNull();
  });

  it('PROFILE of a write is refused read-only and writes nothing', async () => {
    await expect(
      run({
        query: "CREATE (:CONSULTANT {id: 'profiled-write', region: $region})",
        parameters: { region: A },
        plan: 'profile',
      }),
    ).rejects.toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
    const { records } = await driver.executeQuery(
      "MATCH (n {id: 'profiled-write'}) RETURN count(n) AS n",
      {},
      { database: testDatabase().database },
    );
    expect(Number(records[0]?.get('n'))).toBe(0);
  });
});

describe('stopping a query', () => {
  it('ends the transaction in the database and answers CANCELLED', async () => {
    const started = Date.now();
    const pending = run({ query: LONG_QUERY, run_id: 'stop-test-1' });
    const outcome = pending.then(
      () => 'finished',
      (error: unknown) => error,
    );
    await until(async () => (await runningTransactions()).length > 0);
    await expect(service.stopQuery({ run_id: 'stop-test-1' })).resolves.toEqual({
      run_id: 'stop-test-1',
      stopped: true,
    });
    await expect(outcome).resolves.toMatchObject({ code: 'CANCELLED' });
    await until(async () => (await runningTransactions()).length === 0, 5_000);
    // The full count takes far longer than a stop; the run ended within seconds of it.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('answers stopped: false for a run that is not running', async () => {
    await expect(service.stopQuery({ run_id: 'never-started' })).resolves.toEqual({
      run_id: 'never-started',
      stopped: false,
    });
    await run({ query: 'RETURN 1 AS one', run_id: 'done-run' });
    await expect(service.stopQuery({ run_id: 'done-run' })).resolves.toMatchObject({
      stopped: false,
    });
  });

  it('refuses a second run under an id that is still running', async () => {
    const pending = run({ query: LONG_QUERY, run_id: 'twice' }).catch((error: unknown) => error);
    await until(async () => (await runningTransactions()).length > 0);
    await expect(run({ query: 'RETURN 1', run_id: 'twice' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await service.stopQuery({ run_id: 'twice' });
    await expect(pending).resolves.toMatchObject({ code: 'CANCELLED' });
  });
});
