/** "Test connection" for a profile: a short-lived driver, the same checks and errors as start-up. */
import type { Config } from '../config/env';
import { settingsFromConfig } from '../db/connection';
import { checkConnectivity, createDriver } from '../db/driver';
import type { ConnectionCheck } from './runtime';

export function connectionCheck(config: Config): ConnectionCheck {
  return async (target) => {
    const settings = {
      ...settingsFromConfig(config, target, 'profile'),
      database: target.database,
      maxConnectionPoolSize: 1,
    };
    const driver = createDriver(settings);
    try {
      return await checkConnectivity(driver, settings);
    } finally {
      await driver.close();
    }
  };
}
