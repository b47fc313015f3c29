/**
 * The headless command line (`npm run cli -- <command>`, `smart-network <command>`): generate,
 * setup, stats, clear, neo4j start|stop|status. Runs under plain Node (no Electron). Returns the
 * exit code: 0 on success, 2 for a refused request or bad usage, 1 for any other failure, each
 * failure reported in one line on stderr.
 */
import { Command, CommanderError } from 'commander';
import { isAppError, type ErrorCode } from '../../shared/errors';
import { ConfigError } from '../config/env';
import { COMMANDS } from './commands';
import { flagHint } from './commands/generate';
import { createContext, type CliIo } from './context';

export type { CliIo } from './context';

const USAGE_CODES: readonly ErrorCode[] = ['VALIDATION_ERROR', 'BOUND_EXCEEDED', 'CONFLICT'];

const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function buildProgram(io: CliIo): Command {
  const context = createContext(io);
  const program = new Command('smart-network')
    .description('Smart Network headless tools: sample data, schema, statistics, local Neo4j')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
    });
  // Subcommands inherit the exit override and the output streams.
  for (const register of COMMANDS) register(program, context);
  return program;
}

function oneLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError)
      // Commander has already printed its message (or the help / version).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (isAppError(error)) {
      io.stderr.write(`Error: ${oneLine(error.message)}${flagHint(error)}\n`);
      return USAGE_CODES.includes(error.code) ? EXIT.usage : EXIT.failure;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(`Error: ${oneLine(error.message)}\n`);
      return EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`Error: ${oneLine(message)}\n`);
    if (io.env.DEBUG === 'true' && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
}
