/** Service dependencies over the test database, with configuration overrides per test. */
import type { Driver } from 'neo4j-driver';
import pino from 'pino';
import { parseConfig } from '../../../src/main/config/env';
import type { ServiceDeps } from '../../../src/main/services/types';
import { testDatabase } from '../../support/db';

export function serviceDeps(driver: Driver, env: Record<string, string> = {}): ServiceDeps {
  return {
    driver,
    database: testDatabase().database,
    config: parseConfig(env),
    logger: pino({ level: 'silent' }),
  };
}
