/**
 * Configuration from the environment and an optional `.env` file, validated once at start-up.
 * An invalid value stops start-up with one line naming the variable and what it expects.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_REGIONS, RegionCode } from '../../shared/domain';
import { ProtectionLevel } from '../../shared/api';

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const list = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

export const EnvSchema = z.object({
  NEO4J_URI: optionalString.pipe(
    z
      .string()
      .refine(
        (v) => NEO4J_SCHEMES.includes(v.split('://')[0] ?? '') && v.includes('://'),
        `a Neo4j URI such as bolt://localhost:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`,
      )
      .optional(),
  ),
  NEO4J_USERNAME: z.string().trim().min(1).default('neo4j'),
  NEO4J_PASSWORD: optionalString,
  NEO4J_DATABASE: z.string().trim().min(1).default('neo4j'),
  API_HOST: z.string().trim().min(1).default('127.0.0.1'),
  API_PORT: int(0, 65535).default(8000),
  API_TOKEN: optionalString,
  CORS_ORIGINS: list.default([]),
  DEBUG: bool.default(false),
  ENVIRONMENT: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === 'warning' ? 'warn' : v === 'critical' ? 'fatal' : v))
    .pipe(z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']))
    .default('info'),
  LOG_DIR: optionalString,
  REGIONS: list.pipe(z.array(RegionCode).min(1)).default([...DEFAULT_REGIONS]),
  MAX_CONSULTANTS_PER_REGION: int(1, 100_000).default(50),
  MAX_FIELD_CONSULTANTS_PER_CONSULTANT: int(1, 1_000).default(5),
  MAX_COMPANIES_PER_FIELD: int(1, 1_000).default(10),
  MAX_PRODUCTS_PER_COMPANY: int(1, 1_000).default(8),
  NEO4J_MAX_CONNECTION_POOL_SIZE: int(1, 10_000).default(50),
  /** Seconds, as in the seed README. */
  NEO4J_CONNECTION_ACQUISITION_TIMEOUT: int(1, 3_600).default(60),
  /** Seconds allowed for the first connectivity check. */
  NEO4J_CONNECT_TIMEOUT: int(1, 600).default(10),
  DEFAULT_REGION_SIZE: int(1, 1_000_000).default(5_000),
  ALLOW_WRITE_QUERIES: bool.default(false),
  /** How writes are guarded: read-only, confirm (each write says confirm: true) or free. */
  PROTECTION: ProtectionLevel.default('free'),
  QUERY_TIMEOUT_MS: int(100, 3_600_000).default(30_000),
  QUERY_ROW_CAP: int(1, 1_000_000).default(10_000),
  GENERATOR_BATCH_SIZE: int(1, 100_000).default(5_000),
  /** Largest file an import accepts, in bytes. */
  IMPORT_MAX_BYTES: int(1, 10_000_000_000).default(200 * 1024 * 1024),
  REDIS_URL: optionalString,
  /** Where the managed local Neo4j keeps its data (default: the user's data folder). */
  SMART_NETWORK_DATA_DIR: optionalString,
  /** Where downloaded Neo4j artifacts are cached (default: the user's cache folder). */
  SMART_NETWORK_CACHE_DIR: optionalString,
  /** Preferred Bolt port of the managed Neo4j (another free one when taken; 0: any free one). */
  SMART_NETWORK_NEO4J_PORT: int(0, 65535).optional(),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Variables in the process environment take precedence over the `.env` file. */
function readEnvironment(
  env: NodeJS.ProcessEnv = process.env,
  dotenvPath = resolve(process.cwd(), '.env'),
): Record<string, string> {
  const fromFile = existsSync(dotenvPath) ? parseDotenv(readFileSync(dotenvPath)) : {};
  const merged: Record<string, string> = { ...fromFile };
  for (const [key, value] of Object.entries(env)) if (value !== undefined) merged[key] = value;
  return merged;
}

export function parseConfig(raw: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, raw[key] === '' ? undefined : raw[key]]),
  );
  // Empty strings mean "unset" for variables with defaults, as in most .env tooling.
  const result = EnvSchema.safeParse(known);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const variable = String(issue?.path[0] ?? 'configuration');
  const value = raw[variable];
  const shown = variable.includes('PASSWORD') || variable.includes('TOKEN') ? '(hidden)' : value;
  throw new ConfigError(
    variable,
    `Invalid ${variable}${shown === undefined ? '' : `=${JSON.stringify(shown)}`}: expected ${issue?.message ?? 'a valid value'}`,
  );
}

/**
 * Settings that are valid but have no effect, said once at start-up: the managed database makes
 * its own credentials, so a password without NEO4J_URI would otherwise be silently ignored.
 */
export function configWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (!config.NEO4J_URI && config.NEO4J_PASSWORD !== undefined)
    warnings.push(
      'NEO4J_PASSWORD is set but NEO4J_URI is not: the managed local Neo4j uses its own ' +
        'generated credentials, so NEO4J_PASSWORD is ignored. Set NEO4J_URI to use your own Neo4j.',
    );
  return warnings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(readEnvironment(env));
}
