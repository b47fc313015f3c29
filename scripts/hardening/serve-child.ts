/**
 * The headless server as the hardening proofs run it in a child process: configuration from the
 * environment, the backend (with its start-up recovery), the API on API_HOST:API_PORT. Prints
 * `READY <url>` once listening and shuts down cleanly on SIGTERM or SIGINT.
 */
import { loadConfig } from '../../src/main/config/env';
import { resolveAppPaths } from '../../src/main/config/paths';
import { createLogger } from '../../src/main/logger';
import { createBackend } from '../../src/main/backend';
import { startApiServer } from '../../src/main/api/server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const backend = await createBackend({ config, paths: resolveAppPaths(config), logger });
  const server = await startApiServer(backend, { host: config.API_HOST, port: config.API_PORT });
  process.stdout.write(`READY ${server.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      await backend.close();
      // Give the log transport a moment to flush its worker before exiting.
      await new Promise((resolve) => setTimeout(resolve, 300));
      process.exit(0);
    })();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `serve-child failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
