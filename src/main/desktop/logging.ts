/**
 * The desktop app's log: JSON lines in `<data folder>/logs/smart-network.log` (rotated at start
 * when large, a few generations kept), mirrored to stderr when started from a terminal. Written
 * in-process: the packaged app has no worker-thread log transports to load from its archive.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Config } from '../config/env';
import { createLogger, type Logger } from '../logger';

const LOG_FILE_NAME = 'smart-network.log';
const MAX_BYTES = 10 * 1024 * 1024;
const KEEP = 3;

export const logDirOf = (dataDir: string): string => join(dataDir, 'logs');

/** Moves `file` to `file.1` (and older ones up) when it has grown past `maxBytes`. */
export function rotateIfLarge(file: string, maxBytes = MAX_BYTES, keep = KEEP): boolean {
  if (!existsSync(file) || statSync(file).size < maxBytes) return false;
  for (let i = keep - 1; i >= 1; i--)
    if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  renameSync(file, `${file}.1`);
  return true;
}

export function createDesktopLogger(
  config: Config,
  dataDir: string,
  mirror: NodeJS.WritableStream | undefined,
): { logger: Logger; file: string } {
  const dir = logDirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LOG_FILE_NAME);
  rotateIfLarge(file);
  const sink = createWriteStream(file, { flags: 'a', mode: 0o600 });
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      mirror?.write(chunk);
      sink.write(chunk, done);
    },
    final(done) {
      sink.end(done);
    },
  });
  return { logger: createLogger(config, { destination }), file };
}
