/**
 * Structured logs (pino): pretty and coloured in development on a terminal; JSON otherwise.
 * In production with LOG_DIR set, JSON files are written with daily rotation plus a separate
 * error log. Secrets are redacted wherever they might appear.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger, type TransportTargetOptions } from 'pino';
import type { Config } from './config/env';

export type { Logger };

export const REDACT_PATHS = [
  'password',
  '*.password',
  'NEO4J_PASSWORD',
  '*.NEO4J_PASSWORD',
  'API_TOKEN',
  '*.API_TOKEN',
  'token',
  'req.headers.authorization',
  'req.headers.cookie',
  'credentials',
  '*.credentials',
];

export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'ENVIRONMENT' | 'DEBUG' | 'LOG_DIR'>,
  options: { name?: string; destination?: NodeJS.WritableStream; pretty?: boolean } = {},
): Logger {
  const level = config.DEBUG && config.LOG_LEVEL === 'info' ? 'debug' : config.LOG_LEVEL;
  const base = {
    name: options.name ?? 'smart-network',
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);

  const targets: TransportTargetOptions[] = [];
  const pretty =
    options.pretty ?? (config.ENVIRONMENT === 'development' && Boolean(process.stdout.isTTY));
  targets.push(
    pretty
      ? { target: 'pino-pretty', level, options: { colorize: true, destination: 2 } }
      : { target: 'pino/file', level, options: { destination: 2 } },
  );
  if (config.LOG_DIR && config.ENVIRONMENT === 'production') {
    mkdirSync(config.LOG_DIR, { recursive: true });
    const rolling = (file: string, fileLevel: string): TransportTargetOptions => ({
      target: 'pino-roll',
      level: fileLevel,
      options: {
        file: join(config.LOG_DIR!, file),
        frequency: 'daily',
        size: '20m',
        limit: { count: 14 },
        mkdir: true,
      },
    });
    targets.push(rolling('app', level), rolling('error', 'error'));
  }
  return pino(base, pino.transport({ targets }));
}
