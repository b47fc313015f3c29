/**
 * The backend without any shell: database (configured or managed), schema, services, the
 * contract handlers (read-cached), metrics. The headless server, the CLI's serve command and the
 * desktop app each build one and put their own front (HTTP, IPC) on it.
 */
import { configWarnings, type Config } from './config/env';
import type { AppPaths } from './config/paths';
import { connectDatabase, type ConnectOptions, type Database } from './db/connection';
import { causalDriver } from './db/bookmarks';
import { databaseTarget } from './db/driver';
import { readOnlyDriver } from './db/read-only';
import { setupSchema } from './db/schema';
import { createReadCache, type ReadCache } from './cache';
import { withReadCache } from './cache/cached-handlers';
import type { Logger } from './logger';
import { createMetrics, type Metrics } from './metrics';
import { createClearService } from './services/clear';
import { createAuditLogService } from './services/audit-log';
import { createPreviewService } from './services/preview';
import {
  createGenerationService,
  generationOperations,
  type GenerationService,
} from './services/generation';
import { createRedisJobStore } from './services/generation/job-store';
import { createImportService, importOperations } from './services/import';
import type { ImportJobs } from './services/import/jobs';
import { recordAudit } from './services/audit';
import { editOperations } from './services/edit';
import { removeAbandonedRuns } from './services/generation/recovery';
import { withDatabaseErrors } from './services/database-errors';
import { withProtection } from './services/protection';
import { exploreOperations } from './services/graph/explore';
import { estimateOperations } from './services/graph/estimate';
import { filterOperations } from './services/graph/filter';
import { regionOperations } from './services/graph/region';
import { coverageGapOperations } from './services/coverage-gaps';
import { distributionOperations } from './services/distributions';
import { createHealthService } from './services/health';
import { histogramOperations } from './services/histograms';
import { createFilterOptionsService } from './services/options';
import { createQueryService } from './services/query';
import { schemaOperations } from './services/schema';
import { createSettingsService } from './services/settings';
import { createStatsService } from './services/stats';
import type { Handlers, ServiceDeps } from './services/types';
import { APP_VERSION } from './version';

export type Backend = {
  handlers: Handlers;
  generation: GenerationService;
  imports: ImportJobs;
  db: Database;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  cache: ReadCache;
  /** Closes the cache, the driver and (when this process started it) the managed Neo4j. */
  close: () => Promise<void>;
};

export type BackendOptions = {
  config: Config;
  paths: AppPaths;
  logger: Logger;
  onProgress?: (message: string) => void;
  /** Overrides for the managed server (tests: memory, preferred port). */
  managed?: ConnectOptions['managed'];
  /** Where a configured NEO4J_URI's credentials came from (default: the environment). */
  source?: ConnectOptions['source'];
};

/** Builds the services over an open database (no I/O of its own). */
export function assembleBackend(options: {
  db: Database;
  config: Config;
  logger: Logger;
  cache?: ReadCache;
}): Backend {
  const { db, config, logger } = options;
  const metrics = createMetrics({ poolSize: db.settings.maxConnectionPoolSize });
  const cache = options.cache ?? createReadCache(config, logger);
  const target = databaseTarget(() => db.settings);
  const deps: ServiceDeps = {
    driver: causalDriver(
      metrics.instrumentDriver(
        config.PROTECTION === 'read-only' ? readOnlyDriver(db.driver) : db.driver,
      ),
    ),
    database: db.settings.database,
    config,
    logger,
    target,
  };
  const jobStore = config.REDIS_URL
    ? createRedisJobStore({ url: config.REDIS_URL, logger })
    : undefined;
  const generation = createGenerationService(deps, jobStore);
  const imports = createImportService(deps);
  // Every operation of the contract, bound once to its implementation.
  const operations = {
    ...createHealthService({
      driver: deps.driver,
      database: deps.database,
      uri: () => db.settings.uri,
      managed: db.managed !== undefined,
      version: APP_VERSION,
    }),
    ...createSettingsService(config, APP_VERSION),
    ...regionOperations(deps),
    ...filterOperations(deps),
    ...estimateOperations(deps),
    ...exploreOperations(deps),
    ...histogramOperations(deps),
    ...coverageGapOperations(deps),
    ...distributionOperations(deps),
    ...createFilterOptionsService(deps),
    ...createQueryService(deps),
    ...createStatsService(deps),
    ...schemaOperations(deps),
    ...createClearService(deps),
    ...generationOperations(generation),
    ...importOperations(deps, imports),
    ...createPreviewService(deps),
    ...createAuditLogService(deps),
    ...editOperations(deps, { audit: recordAudit }),
  } satisfies Handlers;
  const handlers = withReadCache(
    withDatabaseErrors(withProtection(operations, config.PROTECTION), target),
    cache,
    { generation, imports },
  );
  metrics.setCountsSource(() => handlers.getStats({}));
  let closing: Promise<void> | undefined;
  return {
    handlers,
    generation,
    imports,
    db,
    config,
    logger,
    metrics,
    cache,
    close: () =>
      (closing ??= (async () => {
        await cache.close();
        await jobStore?.close();
        await db.close();
      })()),
  };
}

/** Connects (starting the managed Neo4j when no NEO4J_URI is set), sets up the schema, builds. */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const { config, paths, logger } = options;
  for (const warning of configWarnings(config)) logger.warn(warning);
  const db = await connectDatabase(config, paths, {
    onProgress: options.onProgress,
    logger,
    managed: options.managed,
    source: options.source,
  });
  try {
    // A read-only connection writes nothing, not even the schema or a recovery.
    if (config.PROTECTION !== 'read-only') await prepareDatabase(db, logger);
  } catch (error) {
    await db.close();
    throw error;
  }
  logger.info(
    {
      uri: db.settings.uri,
      version: db.info.version,
      edition: db.info.edition,
      managed: !!db.managed,
      protection: config.PROTECTION,
    },
    'Connected to Neo4j',
  );
  return assembleBackend({ db, config, logger });
}

async function prepareDatabase(db: Database, logger: Logger): Promise<void> {
  const schema = await setupSchema(db.driver, db.settings.database);
  if (schema.created.length) logger.info({ created: schema.created }, 'Database schema set up');
  // A run cut off by a crash or kill leaves partial writes; they go before anything reads.
  await removeAbandonedRuns(db.driver, db.settings.database, logger);
}
