/**
 * Routes keys and native menu commands to the command table: one key handler on the document,
 * and on the desktop one subscription to the menu's commands (sent over IPC by main).
 */
import { useEffect, useMemo } from 'react';
import type { DesktopClient } from '../client/types';
import type { CommandRunner } from '../commands/context';
import { commandForKey, type KeyContext } from '../commands/keymap';
import { runCommand, whyDisabled, type CommandContext } from './command-table';

const isTextField = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useCommandRouting(
  ctx: CommandContext,
  keys: KeyContext,
  desktop: DesktopClient | undefined,
): CommandRunner {
  const runner = useMemo<CommandRunner>(
    () => ({
      keys,
      run: (id) => void runCommand(id, ctx),
      whyDisabled: (id) => whyDisabled(id, ctx),
    }),
    [ctx, keys],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // A focused widget that handled the key (the Cypher editor) keeps it, and so does an open
      // dialog: its keys are its own.
      if (e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('dialog[open]')) return;
      const id = commandForKey(e, isTextField(e.target), keys);
      if (!id) return;
      e.preventDefault();
      runner.run(id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [keys, runner]);

  useEffect(() => desktop?.onMenuCommand((id) => runner.run(id)), [desktop, runner]);

  return runner;
}
