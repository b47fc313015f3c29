/**
 * `npm run neo4j -- start|stop|status|manifest`: the managed local Neo4j Community server.
 * `start` leaves it running in the background; `start --foreground` keeps it attached until
 * Ctrl-C. Data lives under SMART_NETWORK_DATA_DIR (default: the user's data folder).
 */
import { loadConfig } from '../src/main/config/env';
import { resolveAppPaths } from '../src/main/config/paths';
import { managedStatus, startManaged, stopManaged } from '../src/main/db/managed/server';
import { generateManifest } from './neo4j-manifest';
import { runMain } from './run-main';

const USAGE = 'Usage: npm run neo4j -- start [--foreground] | stop | status | manifest';

await runMain(async () => {
  const [command, ...flags] = process.argv.slice(2);
  const config = loadConfig();
  const paths = resolveAppPaths(config);
  switch (command) {
    case 'start': {
      const foreground = flags.includes('--foreground');
      const instance = await startManaged(
        {
          dataDir: paths.dataDir,
          cacheDir: paths.cacheDir,
          boltPort: config.SMART_NETWORK_NEO4J_PORT,
          onProgress: (m) => console.error(m),
        },
        { detached: !foreground },
      );
      const how = instance.owned
        ? `started in ${instance.startSeconds.toFixed(1)} s`
        : 'already running';
      console.log(`Neo4j ${instance.version} ${how}: ${instance.uri} (pid ${instance.pid})`);
      console.log(`Data: ${instance.homeDir}`);
      if (foreground) {
        console.log('Press Ctrl-C to stop.');
        await new Promise(() => undefined);
      }
      return;
    }
    case 'stop': {
      const stopped = await stopManaged(paths.dataDir);
      console.log(stopped ? 'Neo4j stopped.' : 'Neo4j was not running.');
      return;
    }
    case 'status': {
      const status = managedStatus(paths.dataDir);
      if (status.running)
        console.log(
          `running: Neo4j ${status.version} at ${status.uri} (pid ${status.pid}, since ${status.startedAt})`,
        );
      else console.log(`stopped (data: ${status.dataDir})`);
      return;
    }
    case 'manifest':
      console.log(`Wrote ${generateManifest()}`);
      return;
    default:
      throw new Error(USAGE);
  }
});
