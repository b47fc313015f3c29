/**
 * What header tools offer the command table: each tool keeps its own state (open menus, file
 * pickers, dialogs) and provides a handle while it is mounted; commands reach it by name.
 */
import { createContext, useContext, useEffect, useRef } from 'react';

export type ToolHandles = {
  views: { open: () => void; save: () => Promise<void> };
  export: {
    /** Exports one format at once. */
    run: (format: 'png' | 'coverage-xlsx') => Promise<void>;
    /** Opens the menu to pick a format. */
    choose: () => void;
  };
  data: { open: (dialog: 'generate' | 'clear' | 'import') => void };
  /** The Cypher console: whether a query runs, and stopping it. */
  workbench: { running: boolean; stop: () => void };
};
export type ToolName = keyof ToolHandles;

export type ToolRegistry = {
  get: <K extends ToolName>(name: K) => ToolHandles[K] | undefined;
  /** Returns the function that withdraws it. */
  provide: <K extends ToolName>(name: K, current: () => ToolHandles[K]) => () => void;
};

export function createToolRegistry(): ToolRegistry {
  const providers = new Map<ToolName, () => ToolHandles[ToolName]>();
  return {
    get: <K extends ToolName>(name: K) => providers.get(name)?.() as ToolHandles[K] | undefined,
    provide: (name, current) => {
      providers.set(name, current);
      return () => {
        if (providers.get(name) === current) providers.delete(name);
      };
    },
  };
}

export const ToolsContext = createContext<ToolRegistry | null>(null);

/** Provides a tool's handle while the component is mounted, always its latest version. */
export function useProvideTool<K extends ToolName>(name: K, handle: ToolHandles[K]): void {
  const registry = useContext(ToolsContext);
  if (!registry) throw new Error('useProvideTool() needs a <ToolsContext.Provider> above it.');
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => registry.provide(name, () => latest.current), [registry, name]);
}
