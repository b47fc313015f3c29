/** Runs commands for components: buttons run the same command as its keys, menu and palette. */
import { createContext, useContext } from 'react';
import { commandSpec, type CommandId } from '@shared/commands';
import { commandHint, type KeyContext } from './keymap';

export type CommandRunner = {
  keys: KeyContext;
  run: (id: CommandId) => void;
  /** Why the command cannot run now; null when it can. */
  whyDisabled: (id: CommandId) => string | null;
};

export const CommandsContext = createContext<CommandRunner | null>(null);

export function useCommands(): CommandRunner {
  const runner = useContext(CommandsContext);
  if (!runner) throw new Error('useCommands() needs a <CommandsContext.Provider> above it.');
  return runner;
}

/** One command for a button: its title, its tooltip (title and keys) and its run. */
export function useCommand(id: CommandId): { title: string; hint: string; run: () => void } {
  const runner = useCommands();
  return {
    title: commandSpec(id).title,
    hint: commandHint(id, runner.keys),
    run: () => runner.run(id),
  };
}
