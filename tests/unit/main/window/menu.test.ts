import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, type MenuOptions } from '../../../../src/main/window/menu';
import {
  MENU_COMMAND_IDS,
  commandSpec,
  menuAccelerator,
  type MenuCommandId,
} from '../../../../src/shared/commands';
import { toAccelerator } from '../../../../src/shared/keys';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

function build(overrides: Partial<MenuOptions> = {}) {
  const options: MenuOptions = {
    appName: 'Smart Network',
    platform: 'linux',
    development: false,
    send: vi.fn(),
    openExternal: vi.fn(),
    openPath: vi.fn(),
    ...overrides,
  };
  return { options, template: menuTemplate(options), items: flatten(menuTemplate(options)) };
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void | undefined)();

/** The items that send a command: every labelled item whose click is not a Help link. */
function commandItems(options: MenuOptions, items: MenuItemConstructorOptions[]) {
  const sent: { label: string; accelerator: unknown; id: MenuCommandId }[] = [];
  for (const item of items) {
    if (!item.click) continue;
    vi.mocked(options.send).mockClear();
    click(item);
    const id = vi.mocked(options.send).mock.calls[0]?.[0];
    if (id) sent.push({ label: item.label ?? '', accelerator: item.accelerator, id });
  }
  return sent;
}

describe('native menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'has exactly the menu commands of the table on %s, each titled, keyed and sending its id',
    (platform) => {
      const { options, items } = build({ platform });
      const sent = commandItems(options, items);
      expect(sent.map((s) => s.id).sort()).toEqual([...MENU_COMMAND_IDS].sort());
      for (const { id, label, accelerator } of sent) {
        expect(label).toBe(commandSpec(id).title);
        const keys = menuAccelerator(id);
        expect(accelerator).toBe(keys && toAccelerator(keys));
      }
    },
  );

  it('puts each command under its group’s menu, in table order', () => {
    const { options, template } = build();
    for (const group of ['File', 'Data', 'View', 'Help'] as const) {
      const menu = template.find(
        (m) => m.label === group || (group === 'Help' && m.role === 'help'),
      );
      const submenu = Array.isArray(menu?.submenu) ? menu.submenu : [];
      const ids = commandItems(options, submenu).map((s) => s.id);
      expect(ids).toEqual(MENU_COMMAND_IDS.filter((id) => commandSpec(id).group === group));
    }
  });

  it('gives shortcuts that do not collide with each other or with Edit shortcuts', () => {
    const accelerators = build()
      .items.map((item) => item.accelerator)
      .filter((a): a is string => typeof a === 'string');
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const reserved of [
      'CmdOrCtrl+C',
      'CmdOrCtrl+V',
      'CmdOrCtrl+X',
      'CmdOrCtrl+Z',
      'CmdOrCtrl+Shift+Z',
      'CmdOrCtrl+Y',
      'CmdOrCtrl+A',
      'CmdOrCtrl+Q',
    ])
      expect(accelerators).not.toContain(reserved);
  });

  it('puts the connection where macOS keeps preferences, and in Data elsewhere', () => {
    const label = commandSpec('show-connection').title;
    const inApp = (platform: NodeJS.Platform) => {
      const app = build({ platform }).template[0];
      return Array.isArray(app?.submenu) && app.submenu.some((i) => i.label === label);
    };
    expect(inApp('darwin')).toBe(true);
    const data = build({ platform: 'linux' }).template.find((m) => m.label === 'Data');
    expect(Array.isArray(data?.submenu) && data.submenu.some((i) => i.label === label)).toBe(true);
  });

  it('has developer tools and reload only in development', () => {
    const roles = (development: boolean) => build({ development }).items.map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has the application menu on macOS only', () => {
    expect(build({ platform: 'darwin' }).items[0]?.label).toBe('Smart Network');
    expect(build({ platform: 'win32' }).items.map((i) => i.role)).not.toContain('hideOthers');
  });

  it('opens the logs folder and the Cypher manual from Help', () => {
    const { options, items } = build();
    click(items.find((item) => item.label === 'Open Logs Folder')!);
    click(items.find((item) => item.label === 'Neo4j Cypher Manual')!);
    expect(options.openPath).toHaveBeenCalledWith('logs');
    expect(vi.mocked(options.openExternal).mock.calls[0]?.[0]).toMatch(/^https:\/\/neo4j\.com\//);
  });
});
