/**
 * The Python tools of the proofs (Schemathesis, openapi-python-client), from the virtual
 * environment `.ci/run` creates from scripts/hardening/python/requirements.txt (HARDENING_VENV
 * names another one), and a runner that keeps their output in a file.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PYTHON_DIR = resolve(import.meta.dirname, '../python');
const REPO = resolve(import.meta.dirname, '../../..');
const VENV = resolve(process.env.HARDENING_VENV ?? join(REPO, '.venv'));

/** A program of the virtual environment; throws, saying how to create it, when it is missing. */
export function venvProgram(name: string): string {
  const program = join(VENV, process.platform === 'win32' ? 'Scripts' : 'bin', name);
  if (!existsSync(program))
    throw new Error(
      `${name} is not installed in ${VENV}: run\n  python3 -m venv ${VENV} && ` +
        `${join(VENV, 'bin', 'pip')} install -r ${join(PYTHON_DIR, 'requirements.txt')}`,
    );
  return program;
}

export type RunResult = { code: number; ms: number };

/** Runs a program with stdout and stderr appended to `logFile`; resolves with its exit code. */
export async function runLogged(
  program: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: Record<string, string>; timeoutMs: number },
): Promise<RunResult> {
  const log = openSync(options.logFile, 'a');
  const started = performance.now();
  try {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: {
        PATH: `${join(VENV, 'bin')}:${process.env.PATH ?? ''}`,
        HOME: process.env.HOME ?? '',
        ...options.env,
      },
      stdio: ['ignore', log, log],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    const code = await new Promise<number>((done, fail) => {
      child.once('error', fail);
      child.once('exit', (exit, signal) => done(exit ?? (signal ? 128 : 1)));
    });
    clearTimeout(timer);
    return { code, ms: performance.now() - started };
  } finally {
    closeSync(log);
  }
}
