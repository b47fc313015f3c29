/**
 * The headless server (`npm run serve`, `smart-network serve`): the backend on the configured or
 * managed database, sample data on the first start of an empty managed database, the REST API
 * with the built web UI, and a clean shutdown (server, driver, managed Neo4j).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { GenerateRequest } from '../../shared/api';
import { createBackend, type Backend, type BackendOptions } from '../backend';
import type { Config } from '../config/env';
import type { AppPaths } from '../config/paths';
import type { Logger } from '../logger';
import { notMetadata } from '../services/metadata';
import { withClient } from '../services/request-context';
import { startApiServer } from './server';

export type HeadlessOptions = {
  config: Config;
  paths: AppPaths;
  logger: Logger;
  /** Folder of the built renderer; found next to the app or under ./out/renderer when unset. */
  uiDir?: string;
  host?: string;
  port?: number;
  /** Generate sample data when the managed database is empty (default true). */
  sampleData?: boolean;
  print: (line: string) => void;
  /** Overrides for the managed server (tests: memory, preferred port). */
  managed?: BackendOptions['managed'];
};

export type HeadlessServer = { url: string; backend: Backend; close: () => Promise<void> };

/** Where a built renderer may be: from the repository (tsx) or next to the bundled main. */
function findRendererDir(explicit?: string): string | undefined {
  const candidates = explicit
    ? [resolve(explicit)]
    : [
        resolve(process.cwd(), 'out', 'renderer'),
        resolve(import.meta.dirname, '..', 'renderer'),
        resolve(import.meta.dirname, '..', '..', '..', 'out', 'renderer'),
      ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

async function isEmpty(backend: Backend): Promise<boolean> {
  const { records } = await backend.db.driver.executeQuery(
    `MATCH (n) WHERE ${notMetadata('n')} RETURN count(n) AS nodes`,
    {},
    { database: backend.db.settings.database, routing: neo4j.routing.READ },
  );
  const nodes: unknown = records[0]?.get('nodes');
  return (neo4j.isInt(nodes) ? nodes.toNumber() : Number(nodes)) === 0;
}

async function generateSample(backend: Backend, print: (line: string) => void): Promise<void> {
  const request = GenerateRequest.parse({});
  print(
    `The local database is empty: generating sample data (${backend.config.REGIONS.join(', ')})…`,
  );
  let lastItem: string | null = null;
  const result = await backend.generation.run(request, {
    onProgress: (progress) => {
      if (progress.item === lastItem || progress.item === null) return;
      lastItem = progress.item;
      print(`  writing ${progress.item}`);
    },
  });
  await backend.cache.invalidate();
  print(
    `Sample data ready: ${result.total_nodes} nodes, ${result.total_relationships} relationships ` +
      `in ${result.seconds.toFixed(1)} s.`,
  );
}

export async function startHeadless(options: HeadlessOptions): Promise<HeadlessServer> {
  const { config, paths, logger, print } = options;
  const backend = await createBackend({
    config,
    paths,
    logger,
    onProgress: print,
    managed: options.managed,
  });
  try {
    print(
      `Neo4j ${backend.db.info.version} (${backend.db.info.edition}) at ${backend.db.settings.uri}` +
        (backend.db.managed ? ' (managed local database)' : ''),
    );
    if (backend.db.managed && options.sampleData !== false && (await isEmpty(backend)))
      await withClient({ client: 'headless' }, () => generateSample(backend, print));
    const uiDir = findRendererDir(options.uiDir);
    const server = await startApiServer(backend, {
      host: options.host ?? config.API_HOST,
      port: options.port ?? config.API_PORT,
      staticDir: uiDir,
    });
    print('');
    print(
      uiDir
        ? `  UI        ${server.url}/`
        : '  UI        not built: run `npx electron-vite build`, then restart',
    );
    print(`  API       ${server.url}/api/v1`);
    print(`  Docs      ${server.url}/docs  (ReDoc: ${server.url}/redoc)`);
    print(`  OpenAPI   ${server.url}/openapi.json`);
    print(`  Health    ${server.url}/health`);
    print('');
    print('Press Ctrl-C to stop.');
    let closing: Promise<void> | undefined;
    return {
      url: server.url,
      backend,
      close: () =>
        (closing ??= (async () => {
          try {
            await server.close();
          } finally {
            await backend.close();
          }
        })()),
    };
  } catch (error) {
    await backend.close();
    throw error;
  }
}
