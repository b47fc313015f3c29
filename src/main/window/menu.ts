/**
 * The native menu, built from the shared command table: each menu command becomes an item under
 * its group's menu, labelled with its title and its accelerator, and sends its id to the window
 * (the renderer runs it from the same table). The rest are Electron roles. A pure function of
 * its options, so it is tested without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import {
  MENU_COMMAND_IDS,
  commandSpec,
  menuAccelerator,
  type CommandGroup,
  type MenuCommandId,
} from '../../shared/commands';
import { toAccelerator } from '../../shared/keys';

export type MenuOptions = {
  appName: string;
  platform: NodeJS.Platform;
  /** Development builds get reload and developer tools. */
  development: boolean;
  send: (command: MenuCommandId) => void;
  openExternal: (url: string) => void;
  openPath: (which: 'logs' | 'data') => void;
};

/** On macOS the connection dialog sits in the application menu, where preferences go. */
const MAC_APP_MENU_COMMAND: MenuCommandId = 'show-connection';

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const mac = options.platform === 'darwin';
  const item = (id: MenuCommandId): MenuItemConstructorOptions => {
    const keys = menuAccelerator(id);
    return {
      label: commandSpec(id).title,
      ...(keys && { accelerator: toAccelerator(keys) }),
      click: () => options.send(id),
    };
  };
  const commands = (group: CommandGroup): MenuItemConstructorOptions[] =>
    MENU_COMMAND_IDS.filter(
      (id) => commandSpec(id).group === group && !(mac && id === MAC_APP_MENU_COMMAND),
    ).map(item);
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            separator,
            item(MAC_APP_MENU_COMMAND),
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
    submenu: [...commands('File'), separator, mac ? { role: 'close' } : { role: 'quit' }],
  };
  const data: MenuItemConstructorOptions = { label: 'Data', submenu: commands('Data') };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...commands('View'),
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
      ...commands('Help'),
      separator,
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
