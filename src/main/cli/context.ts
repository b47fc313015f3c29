/**
 * What every command gets: its output streams and environment (so tests can run the CLI in
 * process), and a way to open the database and the services for one command.
 */
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { configWarnings, loadConfig, type Config } from '../config/env';
import { resolveAppPaths } from '../config/paths';
import { connectDatabase, type Database } from '../db/connection';
import { databaseTarget } from '../db/driver';
import { asDatabaseError } from '../db/errors';
import { createLogger } from '../logger';
import { withClient } from '../services/request-context';
import type { ServiceDeps } from '../services/types';

export type CliIo = {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
};

export type CliContext = {
  io: CliIo;
  /** Writes a line to stdout (results) or stderr (progress, notices). */
  out: (line: string) => void;
  err: (line: string) => void;
  config: () => Config;
};

/** Registers one command (or a group) on the program. */
export type CliCommand = (program: Command, context: CliContext) => void;

export function createContext(io: CliIo): CliContext {
  let config: Config | undefined;
  return {
    io,
    out: (line) => void io.stdout.write(`${line}\n`),
    err: (line) => void io.stderr.write(`${line}\n`),
    config: () => (config ??= loadConfig(io.env)),
  };
}

/** Opens the database (the configured one, or the managed local Neo4j) for one command. */
export async function withServices<T>(
  context: CliContext,
  use: (deps: ServiceDeps, db: Database) => Promise<T>,
): Promise<T> {
  const config = context.config();
  for (const warning of configWarnings(config)) context.err(`Warning: ${warning}`);
  // Logs stay quiet on the terminal unless asked for: the command reports what matters.
  const logger = createLogger(
    { ...config, LOG_LEVEL: config.DEBUG ? 'debug' : 'warn' },
    { destination: context.io.stderr },
  );
  const db = await connectDatabase(config, resolveAppPaths(config), {
    onProgress: (m) => context.err(m),
    logger,
  });
  const target = databaseTarget(() => db.settings);
  const { database } = db.settings;
  try {
    const deps: ServiceDeps = { driver: db.driver, database, config, logger, target };
    return await withClient({ client: 'cli' }, () => use(deps, db));
  } catch (error) {
    throw asDatabaseError(error, target);
  } finally {
    await db.close();
  }
}
