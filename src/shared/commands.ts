/**
 * The app's commands, declared once: id, title, group and default keys. The native menu (main),
 * the renderer's key handler, tooltips, the shortcuts overlay, the command palette and the
 * README's shortcut list are all derived from this table; the renderer adds what each command
 * runs and when it is enabled. Keys are written as in ./keys (`Mod` is ⌘ on macOS, Ctrl
 * elsewhere).
 */
import { hasCommandModifier, parseKeys } from './keys';

/** The desktop app (native menu, no browser around it) or the web UI in a browser. */
export type Flavour = 'desktop' | 'web';

/** A binding in both flavours, or in one only (the browser keeps Ctrl+1…3 for its own tabs). */
export type Binding = string | { keys: string; only: Flavour };

export type CommandGroup = 'File' | 'Data' | 'View' | 'Network' | 'Help';

export type CommandSpec = {
  title: string;
  /** Its native menu, and its section of the shortcuts overlay. */
  group: CommandGroup;
  /** Listed in the native menu (under its group), with its first modified key as accelerator. */
  menu: boolean;
  keys: readonly Binding[];
  /** More words the palette matches. */
  keywords?: string;
};

const desktop = (keys: string): Binding => ({ keys, only: 'desktop' });
const web = (keys: string): Binding => ({ keys, only: 'web' });

export const COMMANDS = {
  'open-view': { title: 'Open View…', group: 'File', menu: true, keys: ['Mod+O'] },
  'save-view': { title: 'Save View…', group: 'File', menu: true, keys: ['Mod+S'] },
  'export-png': {
    title: 'Export Image (PNG)…',
    group: 'File',
    menu: true,
    keys: ['Mod+Shift+E'],
    keywords: 'picture screenshot',
  },
  'export-graph': {
    title: 'Export Graph…',
    group: 'File',
    menu: true,
    keys: ['Mod+E'],
    keywords: 'csv json gexf graphml',
  },
  'export-table': {
    title: 'Export Coverage Table…',
    group: 'File',
    menu: true,
    keys: ['Mod+Alt+E'],
    keywords: 'xlsx excel',
  },
  'show-connection': {
    title: 'Connection…',
    group: 'Data',
    menu: true,
    keys: ['Mod+,'],
    keywords: 'database neo4j profile settings',
  },
  refresh: {
    title: 'Refresh',
    group: 'Data',
    menu: true,
    // In a browser Ctrl+Shift+R reloads the page, which the app leaves alone.
    keys: [desktop('Mod+Shift+R'), web('Shift+R')],
    keywords: 'reload',
  },
  generate: {
    title: 'Generate Sample Data…',
    group: 'Data',
    menu: true,
    keys: ['Mod+Shift+G'],
  },
  clear: { title: 'Clear Data…', group: 'Data', menu: true, keys: [], keywords: 'delete' },
  'create-node': {
    title: 'New Node…',
    group: 'Data',
    menu: false,
    keys: [],
    keywords: 'create add consultant company product edit',
  },
  'undo-edit': {
    title: 'Undo Last Edit',
    group: 'Data',
    menu: true,
    keys: ['Mod+Alt+Z'],
    keywords: 'revert edit change delete restore',
  },
  'stop-query': {
    title: 'Stop Query',
    group: 'Data',
    menu: false,
    keys: ['Mod+.'],
    keywords: 'cancel cypher console terminate',
  },
  'show-network': {
    title: 'Explore',
    group: 'View',
    menu: true,
    keys: [desktop('Mod+1'), 'Alt+1'],
    keywords: 'network tab',
  },
  'show-console': {
    title: 'Workbench',
    group: 'View',
    menu: true,
    keys: [desktop('Mod+2'), 'Alt+2'],
    keywords: 'cypher console query smart tab',
  },
  'show-statistics': {
    title: 'Statistics',
    group: 'View',
    menu: true,
    keys: [desktop('Mod+3'), 'Alt+3'],
    keywords: 'charts counts tab',
  },
  'mode-standard': {
    title: 'Standard Mode',
    group: 'View',
    menu: true,
    keys: ['Mod+Shift+1'],
    keywords: 'coverage',
  },
  'mode-recommendations': {
    title: 'Recommendations Mode',
    group: 'View',
    menu: true,
    keys: ['Mod+Shift+2'],
  },
  'toggle-mode': {
    title: 'Switch Standard/Recommendations Mode',
    group: 'View',
    menu: false,
    keys: ['M'],
  },
  search: { title: 'Find Node…', group: 'View', menu: true, keys: ['Mod+F', '/'] },
  back: {
    title: 'Back',
    group: 'View',
    menu: true,
    keys: ['Mod+[', 'Mod+Z'],
    keywords: 'undo exploration step',
  },
  forward: {
    title: 'Forward',
    group: 'View',
    // Not in the menu: its keys are the Edit menu's Redo in text fields.
    menu: false,
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    keywords: 'redo exploration step',
  },
  'toggle-filters': {
    title: 'Show/Hide Filters',
    group: 'View',
    menu: true,
    keys: ['Mod+B'],
    keywords: 'panel sidebar',
  },
  'toggle-theme': {
    title: 'Toggle Dark Theme',
    group: 'View',
    menu: true,
    keys: ['Mod+Shift+L', 'T'],
    keywords: 'light appearance',
  },
  'command-palette': {
    title: 'Command Palette…',
    group: 'View',
    menu: true,
    keys: ['Mod+K'],
    keywords: 'actions run',
  },
  fit: { title: 'Fit Graph to View', group: 'Network', menu: false, keys: ['F'], keywords: 'zoom' },
  'fit-selection': {
    title: 'Fit Selection to View',
    group: 'Network',
    menu: false,
    keys: ['Shift+F'],
    keywords: 'zoom focus neighbours',
  },
  'paths-between-selected': {
    title: 'Shortest Paths Between Selected',
    group: 'Network',
    menu: false,
    keys: ['P'],
    keywords: 'route connection connected two nodes shift ctrl multi-select',
  },
  'zoom-in': { title: 'Zoom In', group: 'Network', menu: false, keys: ['+', '='] },
  'zoom-out': { title: 'Zoom Out', group: 'Network', menu: false, keys: ['-'] },
  'toggle-layout': {
    title: 'Start/Stop ForceAtlas2',
    group: 'Network',
    menu: false,
    keys: ['L'],
    keywords: 'layout',
  },
  'toggle-group': {
    title: 'Collapse/Expand Group',
    group: 'Network',
    menu: false,
    keys: ['G'],
    keywords: 'subtree collapse expand group',
  },
  'group-by-sales-region': {
    title: 'Group by Sales Region',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'cluster',
  },
  'group-by-channel': {
    title: 'Group by Channel',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'cluster',
  },
  'group-by-asset-class': {
    title: 'Group by Asset Class',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'cluster',
  },
  ungroup: {
    title: 'Ungroup Everything',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'expand groups',
  },
  'layout-hierarchy': {
    title: 'Hierarchy Layout',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'tree consultant company product',
  },
  'layout-cluster': {
    title: 'Cluster Layout',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'group consultant property',
  },
  'compute-metrics': {
    title: 'Compute Metrics',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'pagerank betweenness closeness degree louvain communities centrality',
  },
  'clear-style-rules': {
    title: 'Clear Style Rules',
    group: 'Network',
    menu: false,
    keys: [],
    keywords: 'colour color size label rule appearance reset',
  },
  'toggle-isolated': {
    title: 'Show/Hide Isolated Nodes',
    group: 'Network',
    menu: false,
    keys: ['I'],
    keywords: 'unconnected orphans',
  },
  'clear-selection': {
    title: 'Clear Selection, Close Dialogs',
    keywords: 'deselect multi-select',
    group: 'Network',
    menu: false,
    keys: ['Escape'],
  },
  help: { title: 'Keyboard Shortcuts', group: 'Help', menu: true, keys: ['?'], keywords: 'keys' },
} as const satisfies Record<string, CommandSpec>;

type Commands = typeof COMMANDS;
export type CommandId = keyof Commands;
export type MenuCommandId = {
  [Id in CommandId]: Commands[Id]['menu'] extends true ? Id : never;
}[CommandId];

export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];

export const commandSpec = (id: CommandId): CommandSpec => COMMANDS[id];

export const isMenuCommand = (id: CommandId): id is MenuCommandId => commandSpec(id).menu;

/** The commands of the native menu, in table order. */
export const MENU_COMMAND_IDS: readonly MenuCommandId[] = COMMAND_IDS.filter(isMenuCommand);

/** A command's keys in one flavour, in table order. */
export function keysIn(id: CommandId, flavour: Flavour): string[] {
  return commandSpec(id).keys.flatMap((b) =>
    typeof b === 'string' ? [b] : b.only === flavour ? [b.keys] : [],
  );
}

/**
 * The menu item's accelerator: the command's first desktop key with a modifier. A plain key (`?`)
 * is never one, since the menu would take it from text fields too.
 */
export function menuAccelerator(id: CommandId): string | undefined {
  if (!commandSpec(id).menu) return undefined;
  return keysIn(id, 'desktop').find((k) => hasCommandModifier(parseKeys(k)));
}
