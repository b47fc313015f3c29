/**
 * A real server process for the proofs: `node --import tsx serve-child.ts` with the given
 * environment, its stdout and stderr appended to files (so every log byte can be scanned), its
 * pid (for RSS and SIGKILL) and a graceful stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('../serve-child.ts', import.meta.url));

export type ServerProcess = {
  url: string;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  stop: () => Promise<number | string>;
  kill: () => Promise<number | string>;
};

export async function startServer(
  env: Record<string, string>,
  logFiles: { stdout: string; stderr: string },
  timeoutMs = 180_000,
): Promise<ServerProcess> {
  const out = openSync(logFiles.stdout, 'a');
  const err = openSync(logFiles.stderr, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', err],
  });
  closeSync(err);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('server did not start in time')), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      // Everything the server prints is kept for the log scan.
      writeSync(out, chunk);
      buffered += chunk.toString();
      const match = /READY (\S+)/.exec(buffered);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited before it was ready (${code}); see ${logFiles.stderr}`));
    });
  });
  child.stdout?.once('close', () => closeSync(out));
  const pid = child.pid ?? -1;
  return {
    url,
    pid,
    child,
    exited,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
  };
}
