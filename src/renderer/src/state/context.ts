/** The explorer, the server facts and the edits, handed to features through context. */
import { createContext, useContext } from 'react';
import type { AppDataSource } from '../state/app-data';
import type { Editing } from '../state/editing';
import type { Explorer } from '../state/explorer';

export const ExplorerContext = createContext<Explorer | null>(null);
export const AppDataContext = createContext<AppDataSource | null>(null);
export const EditingContext = createContext<Editing | null>(null);

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

export function useEditing(): Editing {
  const editing = useContext(EditingContext);
  if (!editing) throw new Error('useEditing() needs an <EditingContext.Provider> above it.');
  return editing;
}
