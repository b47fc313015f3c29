/**
 * The native menu: the app's commands with their shortcuts. Command items send a menu command to
 * the window (the renderer subscribes through `api.onMenuCommand`); the rest are Electron roles.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

export type MenuOptions = {
  appName: string;
  platform: NodeJS.Platform;
  /** Development builds get reload and developer tools. */
  development: boolean;
  send: (command: MenuCommand) => void;
  openExternal: (url: string) => void;
  openPath: (which: 'logs' | 'data') => void;
};

type CommandItem = { label: string; command: MenuCommand; accelerator?: string };

const FILE: CommandItem[] = [
  { label: 'Open View…', command: 'open-view', accelerator: 'CmdOrCtrl+O' },
  { label: 'Save View…', command: 'save-view', accelerator: 'CmdOrCtrl+S' },
  { label: 'Export Image (PNG)…', command: 'export-png', accelerator: 'CmdOrCtrl+Shift+E' },
  { label: 'Export Graph…', command: 'export-graph', accelerator: 'CmdOrCtrl+E' },
  { label: 'Export Coverage Table…', command: 'export-table', accelerator: 'CmdOrCtrl+Alt+E' },
];

const DATA: CommandItem[] = [
  { label: 'Connection…', command: 'show-connection', accelerator: 'CmdOrCtrl+,' },
  { label: 'Refresh', command: 'refresh', accelerator: 'CmdOrCtrl+Shift+R' },
  { label: 'Generate Sample Data…', command: 'generate', accelerator: 'CmdOrCtrl+Shift+G' },
  { label: 'Clear Data…', command: 'clear' },
];

const VIEW: CommandItem[] = [
  { label: 'Network', command: 'show-network', accelerator: 'CmdOrCtrl+1' },
  { label: 'Cypher Console', command: 'show-console', accelerator: 'CmdOrCtrl+2' },
  { label: 'Statistics', command: 'show-statistics', accelerator: 'CmdOrCtrl+3' },
  { label: 'Standard Mode', command: 'mode-standard', accelerator: 'CmdOrCtrl+Shift+1' },
  {
    label: 'Recommendations Mode',
    command: 'mode-recommendations',
    accelerator: 'CmdOrCtrl+Shift+2',
  },
  { label: 'Find Node…', command: 'search', accelerator: 'CmdOrCtrl+F' },
  { label: 'Back', command: 'back', accelerator: 'CmdOrCtrl+[' },
  { label: 'Show/Hide Filters', command: 'toggle-filters', accelerator: 'CmdOrCtrl+B' },
  { label: 'Toggle Dark Theme', command: 'toggle-theme', accelerator: 'CmdOrCtrl+Shift+L' },
];

export const MENU_COMMAND_ITEMS: readonly CommandItem[] = [...FILE, ...DATA, ...VIEW];

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = ({ label, command, accelerator }: CommandItem): MenuItemConstructorOptions => ({
    label,
    ...(accelerator && { accelerator }),
    click: () => options.send(command),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            separator,
            item(DATA[0]!),
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [...FILE.map(item), separator, mac ? { role: 'close' } : { role: 'quit' }],
  };
  const data: MenuItemConstructorOptions = {
    label: 'Data',
    submenu: (mac ? DATA.slice(1) : DATA).map(item),
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...VIEW.map(item),
      separator,
      ...(options.development
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, separator] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => options.openPath('logs') },
      { label: 'Open Data Folder', click: () => options.openPath('data') },
      separator,
      {
        label: 'Neo4j Cypher Manual',
        click: () => options.openExternal('https://neo4j.com/docs/cypher-manual/current/'),
      },
    ],
  };
  return [...appMenu, file, { role: 'editMenu' }, data, view, { role: 'windowMenu' }, help];
}
