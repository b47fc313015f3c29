/**
 * `serve`: the headless server (REST API + web UI) until Ctrl-C or SIGTERM, then a clean stop:
 * server closed, driver closed, managed Neo4j stopped.
 */
import { startHeadless } from '../../api/headless';
import { resolveAppPaths } from '../../config/paths';
import { createLogger } from '../../logger';
import type { CliCommand } from '../context';
import { integerOption } from './options';

type ServeOptions = { host?: string; port?: number; ui?: string; sampleData: boolean };

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
const ignore = (): void => undefined;

/** Resolves on the first SIGINT/SIGTERM; later ones are ignored (the process is ending). */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise<NodeJS.Signals>((resolve) => {
    const onSignal = (received: NodeJS.Signals): void => {
      for (const s of SIGNALS) process.off(s, onSignal);
      // Shutdown is bounded (the managed Neo4j is killed if it does not stop in time); a signal
      // repeated meanwhile, by the user or re-sent by the managed database's own hook, must not
      // cut it short.
      for (const s of SIGNALS) process.on(s, ignore);
      resolve(received);
    };
    for (const s of SIGNALS) process.on(s, onSignal);
  });
}

export const serveCommand: CliCommand = (program, context) => {
  program
    .command('serve')
    .description('Run the REST API and the web UI (managed local Neo4j when NEO4J_URI is unset)')
    .option('--host <host>', 'address to bind (default API_HOST)')
    .option('--port <port>', 'port (default API_PORT; 0 picks a free one)', integerOption)
    .option('--ui <dir>', 'folder of the built web UI (default out/renderer)')
    .option('--no-sample-data', 'do not generate sample data into an empty managed database')
    .action(async (options: ServeOptions) => {
      const config = context.config();
      const logger = createLogger(config);
      const server = await startHeadless({
        config,
        paths: resolveAppPaths(config),
        logger,
        uiDir: options.ui,
        host: options.host,
        port: options.port,
        sampleData: options.sampleData,
        print: context.err,
      });
      const signal = await untilSignal();
      context.err(`\n${signal}: stopping…`);
      await server.close();
      context.err('Stopped.');
    });
};
