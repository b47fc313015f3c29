/** The explorer, the server facts and the shell's own actions, handed to features through context. */
import { createContext, useContext } from 'react';
import type { AppDataSource } from '../state/app-data';
import type { Explorer } from '../state/explorer';

export const ExplorerContext = createContext<Explorer | null>(null);
export const AppDataContext = createContext<AppDataSource | null>(null);

export function useExplorer(): Explorer {
  const explorer = useContext(ExplorerContext);
  if (!explorer) throw new Error('useExplorer() needs an <ExplorerContext.Provider> above it.');
  return explorer;
}

export function useAppData(): AppDataSource {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData() needs an <AppDataContext.Provider> above it.');
  return data;
}

/** What features may ask of the shell. */
export type ShellActions = {
  /** Brings a tab forward: 'explore', 'workbench', 'statistics' or a plugged-in tab's id. */
  activateTab: (id: string) => void;
  /** Opens the connection panel. */
  openConnection: () => void;
};

export const ShellContext = createContext<ShellActions | null>(null);

export function useShell(): ShellActions {
  const shell = useContext(ShellContext);
  if (!shell) throw new Error('useShell() needs a <ShellContext.Provider> above it.');
  return shell;
}
