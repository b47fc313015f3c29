/**
 * A read whose caller stops waiting is stopped in the database: the request's signal aborts,
 * the running transaction ends (it no longer shows in SHOW TRANSACTIONS) and the read answers
 * CANCELLED, long before the query could have finished on its own. A read started after the
 * caller gave up does not reach the database.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { readTransaction } from '../../../src/main/services/graph/read';
import { withClient } from '../../../src/main/services/request-context';
import { testDriver } from '../../support/db';
import { runningWith, until } from '../../support/transactions';
import { serviceDeps } from './deps';

const driver = testDriver();
const deps = serviceDeps(driver);
afterAll(() => driver.close());

// Counting a hundred million numbers takes the database several seconds (6.5 s on 2 cores).
const MARK = 'range(1, 100000007)';

const running = (): Promise<number> => runningWith(driver, MARK);

const longRead = (signal: AbortSignal): Promise<unknown> =>
  withClient({ client: 'rest', signal }, () =>
    readTransaction(deps, async (tx) => {
      const result = await tx.run(`UNWIND ${MARK} AS x RETURN count(x) AS n`);
      return result.records[0]?.get('n') as unknown;
    }),
  );

describe('readTransaction when the caller stops waiting', () => {
  it('ends the running transaction in the database and answers CANCELLED', async () => {
    const caller = new AbortController();
    const outcome = longRead(caller.signal).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await until(async () => (await running()) > 0, 20_000);
    const abortedAt = Date.now();
    caller.abort(new Error('gone'));
    const settled = await outcome;
    expect('error' in settled && settled.error).toBeInstanceOf(AppError);
    expect('error' in settled && (settled.error as AppError).code).toBe('CANCELLED');
    await until(async () => (await running()) === 0, 10_000);
    // The read ended because it was given up, not because the count was done.
    expect(Date.now() - abortedAt).toBeLessThan(4_000);
  });

  it('does not start a read for a caller that already gave up', async () => {
    const caller = new AbortController();
    caller.abort(new Error('gone'));
    let ran = false;
    const read = withClient({ client: 'rest', signal: caller.signal }, () =>
      readTransaction(deps, () => {
        ran = true;
        return Promise.resolve(1);
      }),
    );
    await expect(read).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(ran).toBe(false);
  });

  it('reads as before for a caller that waits', async () => {
    const caller = new AbortController();
    const value = await withClient({ client: 'rest', signal: caller.signal }, () =>
      readTransaction(deps, async (tx): Promise<unknown> =>
        (await tx.run('RETURN 41 + 1 AS n')).records[0]?.get('n'),
      ),
    );
    expect(Number(value)).toBe(42);
  });
});
