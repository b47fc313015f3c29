/** The CLI's commands, in help order. Each registers itself on the program. */
import type { CliCommand } from '../context';
import { clearCommand } from './clear';
import { generateCommand } from './generate';
import { importCommand } from './import';
import { neo4jCommand } from './neo4j';
import { serveCommand } from './serve';
import { setupCommand } from './setup';
import { statsCommand } from './stats';

export const COMMANDS: readonly CliCommand[] = [
  generateCommand,
  importCommand,
  setupCommand,
  statsCommand,
  clearCommand,
  neo4jCommand,
  serveCommand,
];
