/**
 * A driver whose every session and query runs in READ access mode, whatever its caller asks:
 * the database itself then refuses any write (Neo.ClientError.Statement.AccessMode), so a
 * read-only connection stays read-only even for Cypher that the app did not foresee.
 */
import type { Driver } from 'neo4j-driver';

export function readOnlyDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, property) {
      if (property === 'session')
        return (...[config = {}]: Parameters<Driver['session']>) =>
          target.session({ ...config, defaultAccessMode: 'READ' });
      if (property === 'executeQuery')
        return (...[query, parameters, config = {}]: Parameters<Driver['executeQuery']>) =>
          target.executeQuery(query, parameters, { ...config, routing: 'READ' });
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
