import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  MENU_COMMAND_ITEMS,
  menuTemplate,
  type MenuOptions,
} from '../../../../src/main/window/menu';
import { MENU_COMMANDS } from '../../../../src/shared/ipc';

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
  return { options, items: flatten(menuTemplate(options)) };
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void | undefined)();

describe('native menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)(
    'offers every menu command exactly once on %s, each sending its command',
    (platform) => {
      const { options, items } = build({ platform });
      const labels = MENU_COMMAND_ITEMS.map((c) => c.label);
      const commandItems = items.filter((item) => labels.includes(item.label ?? ''));
      expect(commandItems).toHaveLength(MENU_COMMAND_ITEMS.length);
      for (const item of commandItems) click(item);
      expect(
        vi
          .mocked(options.send)
          .mock.calls.map(([command]) => command)
          .sort(),
      ).toEqual([...MENU_COMMANDS].sort());
    },
  );

  it('gives shortcuts that do not collide with each other or with Edit shortcuts', () => {
    const accelerators = MENU_COMMAND_ITEMS.flatMap((c) => (c.accelerator ? [c.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
    for (const reserved of [
      'CmdOrCtrl+C',
      'CmdOrCtrl+V',
      'CmdOrCtrl+X',
      'CmdOrCtrl+Z',
      'CmdOrCtrl+A',
      'CmdOrCtrl+Q',
    ])
      expect(accelerators).not.toContain(reserved);
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
