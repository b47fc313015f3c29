/** What integration tests that stop long reads look at: the database's running transactions. */
import type { Driver } from 'neo4j-driver';
import { testDatabase } from './db';

/** How many running transactions' current query contains `mark`. */
export async function runningWith(driver: Driver, mark: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $mark RETURN count(*) AS n',
    { mark },
    { database: testDatabase().database },
  );
  return Number(records[0]?.get('n'));
}

/** Polls `check` until it holds; fails after `ms`. */
export async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
