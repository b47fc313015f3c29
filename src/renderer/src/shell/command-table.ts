/**
 * What each command of the shared table runs and when it can: one entry per command id, checked
 * by the type. Keys, the native menu, the palette, tooltips and buttons all run these.
 */
import type { CommandId } from '@shared/commands';
import type { GraphMode } from '@shared/domain';
import { deriveDataset } from '../graph/exploration';
import { METRIC_IDS } from '../graph/metrics';
import { NO_RULES, hasRules } from '../graph/style-rules';
import { canCollapse, isGroupKey } from '../graph/grouping';
import type { GroupProperty } from '../graph/grouping';
import type { ToolHandles, ToolName, ToolRegistry } from '../commands/tools';
import type { AppDataSource } from '../state/app-data';
import type { Editing } from '../state/editing';
import type { Explorer } from '../state/explorer';
import type { Store } from '../state/store';
import { fitCamera } from '../features/network/camera';
import { toggleOverlay, type ShellState } from './shell-state';

export type CommandContext = {
  explorer: Explorer;
  appData: AppDataSource;
  editing: Editing;
  shell: Store<ShellState>;
  tools: ToolRegistry;
};

export type CommandImpl = {
  run: (ctx: CommandContext) => void | Promise<void>;
  /** Why it cannot run now; absent or null: it can. */
  whyDisabled?: (ctx: CommandContext) => string | null;
};

const setTab = (tab: string) => (ctx: CommandContext) => ctx.shell.set((s) => ({ ...s, tab }));

/** The camera, for a move the analyst asked for (no automatic fit after it). */
const camera = (ctx: CommandContext) => {
  ctx.explorer.touchCamera();
  return ctx.explorer.getSigma()?.getCamera();
};

const onExplore = (ctx: CommandContext): string | null =>
  ctx.shell.get().tab === 'explore' && ctx.explorer.getSigma() ? null : 'Only on the Explore tab';

/** A command a header tool carries out; disabled while the tool is not there. */
const withTool = <K extends ToolName>(
  name: K,
  run: (tool: ToolHandles[K]) => void | Promise<void>,
): CommandImpl => ({
  run: (ctx) => {
    const tool = ctx.tools.get(name);
    return tool && run(tool);
  },
  whyDisabled: (ctx) => (ctx.tools.get(name) ? null : 'Not available in this build'),
});

/** The selected node and its drawn neighbours, or a selected relationship's two ends. */
function selectionKeys(explorer: Explorer): string[] {
  const selection = explorer.store.get().selection;
  const graph = explorer.graph;
  if (selection?.kind === 'node' && graph.hasNode(selection.key))
    return [selection.key, ...graph.neighbors(selection.key)];
  if (selection?.kind === 'edge' && graph.hasEdge(selection.key))
    return [graph.source(selection.key), graph.target(selection.key)];
  return [];
}

/** Why the connection takes no edits now; null when it does. */
const whyNoWrites = (appData: AppDataSource): string | null =>
  appData.store.get().settings?.protection === 'read-only' ? 'This connection is read-only' : null;

const setMode = (mode: GraphMode): CommandImpl => ({
  run: ({ explorer }) => explorer.setMode(mode),
});

const setGroupBy = (by: GroupProperty | null): CommandImpl => ({
  run: ({ explorer }) => explorer.setGroupBy(by),
});

/** Why the selection cannot be collapsed or expanded; null when it can. */
function whyNoGroupToggle({ explorer }: CommandContext): string | null {
  const s = explorer.store.get();
  if (s.selection?.kind !== 'node') return 'Select a node first';
  if (isGroupKey(s.selection.key)) return null;
  return canCollapse(deriveDataset(s.history.present), s.selection.key)
    ? null
    : 'Nothing is drawn below this node';
}

export const COMMAND_TABLE = {
  'open-view': withTool('views', (views) => views.open()),
  'save-view': withTool('views', (views) => views.save()),
  'export-png': withTool('export', (tool) => tool.run('png')),
  'export-graph': withTool('export', (tool) => tool.choose()),
  'export-table': withTool('export', (tool) => tool.run('coverage-xlsx')),
  'show-connection': { run: ({ shell }) => shell.set((s) => ({ ...s, overlay: 'connection' })) },
  refresh: {
    run: async ({ appData, explorer }) => {
      await appData.refresh();
      await explorer.load();
    },
  },
  generate: withTool('data', (data) => data.open('generate')),
  clear: withTool('data', (data) => data.open('clear')),
  'create-node': {
    run: ({ shell }) => shell.set((s) => ({ ...s, overlay: 'create-node' })),
    whyDisabled: ({ appData }) => whyNoWrites(appData),
  },
  'undo-edit': {
    // Under `confirm` the undo is shown (what it reverses, its Cypher) and runs from there.
    run: ({ appData, editing, shell }) =>
      appData.store.get().settings?.protection === 'free'
        ? editing.undoWithNotice()
        : shell.set((s) => ({ ...s, overlay: 'undo-edit' })),
    whyDisabled: ({ appData, editing }) =>
      whyNoWrites(appData) ?? (editing.store.get().undo.available ? null : 'No edit to undo'),
  },
  'show-network': { run: setTab('explore') },
  'show-console': { run: setTab('workbench') },
  'show-statistics': { run: setTab('statistics') },
  'mode-standard': setMode('standard'),
  'mode-recommendations': setMode('recommendations'),
  'toggle-mode': {
    run: ({ explorer }) =>
      explorer.setMode(explorer.store.get().mode === 'standard' ? 'recommendations' : 'standard'),
  },
  search: {
    run: () => {
      const input = document.getElementById('search-input');
      if (input instanceof HTMLInputElement) {
        input.focus();
        input.select();
      }
    },
  },
  back: {
    run: ({ explorer }) => explorer.undo(),
    whyDisabled: ({ explorer }) => (explorer.canUndo() ? null : 'Nothing to go back to'),
  },
  forward: {
    run: ({ explorer }) => explorer.redo(),
    whyDisabled: ({ explorer }) => (explorer.canRedo() ? null : 'Nothing to go forward to'),
  },
  'toggle-filters': {
    // From another tab it shows the filters rather than hiding them out of sight.
    run: ({ shell }) =>
      shell.set((s) => ({
        ...s,
        tab: 'explore',
        filtersOpen: s.tab === 'explore' ? !s.filtersOpen : true,
      })),
  },
  'toggle-theme': {
    run: ({ shell }) => shell.set((s) => ({ ...s, theme: s.theme === 'dark' ? 'light' : 'dark' })),
  },
  'command-palette': { run: ({ shell }) => shell.set(toggleOverlay('palette')) },
  fit: {
    run: ({ explorer }) => {
      const sigma = explorer.getSigma();
      if (sigma) fitCamera(sigma, undefined, 300);
    },
    whyDisabled: onExplore,
  },
  'fit-selection': {
    run: ({ explorer }) => {
      const sigma = explorer.getSigma();
      const keys = selectionKeys(explorer);
      if (sigma && keys.length) fitCamera(sigma, keys, 300);
    },
    whyDisabled: (ctx) =>
      onExplore(ctx) ?? (selectionKeys(ctx.explorer).length ? null : 'Nothing selected'),
  },
  'paths-between-selected': {
    run: ({ explorer }) => explorer.pathsBetweenSelected(),
    whyDisabled: (ctx) =>
      onExplore(ctx) ??
      (ctx.explorer.selectedPair() ? null : 'Select exactly two nodes (Shift+click adds one)'),
  },
  'zoom-in': {
    run: (ctx) => void camera(ctx)?.animatedZoom({ duration: 200 }),
    whyDisabled: onExplore,
  },
  'zoom-out': {
    run: (ctx) => void camera(ctx)?.animatedUnzoom({ duration: 200 }),
    whyDisabled: onExplore,
  },
  'stop-query': {
    run: ({ tools }) => tools.get('workbench')?.stop(),
    whyDisabled: ({ tools }) => {
      const console = tools.get('workbench');
      if (!console) return 'Only in the Workbench';
      return console.running ? null : 'No query is running';
    },
  },
  'toggle-layout': {
    run: ({ explorer }) =>
      explorer.store.get().layoutRunning
        ? explorer.setLayoutRunning(false)
        : explorer.setLayoutKind('forceatlas2'),
    whyDisabled: onExplore,
  },
  'toggle-group': {
    run: ({ explorer }) => {
      const selection = explorer.store.get().selection;
      if (selection?.kind === 'node') explorer.toggleGroup(selection.key);
    },
    whyDisabled: whyNoGroupToggle,
  },
  'group-by-sales-region': setGroupBy('sales_region'),
  'group-by-channel': setGroupBy('channel'),
  'group-by-asset-class': setGroupBy('asset_class'),
  ungroup: {
    run: ({ explorer }) => explorer.ungroup(),
  },
  'layout-hierarchy': {
    run: ({ explorer }) => explorer.setLayoutKind('hierarchy'),
    whyDisabled: onExplore,
  },
  'layout-cluster': {
    run: ({ explorer }) => explorer.setLayoutKind('cluster'),
    whyDisabled: onExplore,
  },
  'compute-metrics': {
    run: ({ explorer }) => explorer.computeMetrics(METRIC_IDS),
    whyDisabled: ({ explorer }) => (explorer.graph.order > 0 ? null : 'Nothing is drawn'),
  },
  'clear-style-rules': {
    run: ({ explorer }) =>
      explorer.setAppearance({ ...explorer.store.get().appearance, rules: NO_RULES }),
    whyDisabled: ({ explorer }) =>
      hasRules(explorer.store.get().appearance.rules) ? null : 'No style rules are set',
  },
  'toggle-isolated': {
    run: ({ explorer }) => {
      const layout = explorer.store.get().layout;
      explorer.setLayoutSettings({ ...layout, hideIsolated: !layout.hideIsolated });
    },
  },
  'clear-selection': {
    run: ({ shell, explorer }) => {
      shell.set((s) => ({ ...s, overlay: null }));
      explorer.select(null);
    },
  },
  help: { run: ({ shell }) => shell.set(toggleOverlay('help')) },
} satisfies { [Id in CommandId]: CommandImpl };

/** Runs a command unless it is disabled; says why not, or null when it ran. */
export function runCommand(id: CommandId, ctx: CommandContext): string | null {
  const impl: CommandImpl = COMMAND_TABLE[id];
  const reason = impl.whyDisabled?.(ctx) ?? null;
  if (reason !== null) return reason;
  const result = impl.run(ctx);
  // Commands report their own failures where they show; anything left is a bug to log.
  if (result) result.catch((error: unknown) => console.error(`Command ${id} failed`, error));
  return null;
}

export const whyDisabled = (id: CommandId, ctx: CommandContext): string | null =>
  (COMMAND_TABLE[id] as CommandImpl).whyDisabled?.(ctx) ?? null;
