import { describe, expect, it } from 'vitest';
import {
  COMMAND_IDS,
  COMMANDS,
  MENU_COMMAND_IDS,
  commandSpec,
  keysIn,
  menuAccelerator,
  type Flavour,
} from '../../../src/shared/commands';
import { MenuCommand } from '../../../src/shared/ipc';
import { formatKeys, parseKeys } from '../../../src/shared/keys';

const FLAVOURS: Flavour[] = ['desktop', 'web'];

describe('command table', () => {
  it('writes every key so that it parses', () => {
    for (const id of COMMAND_IDS) for (const f of FLAVOURS) keysIn(id, f).forEach(parseKeys);
  });

  it.each(FLAVOURS)('gives no key to two commands in the %s app', (flavour) => {
    const owners = new Map<string, string>();
    for (const id of COMMAND_IDS) {
      for (const keys of keysIn(id, flavour)) {
        const shown = formatKeys(keys, 'other');
        expect(owners.get(shown), `${shown}: ${owners.get(shown)} and ${id}`).toBeUndefined();
        owners.set(shown, id);
      }
    }
  });

  it('leaves the browser its own tab and reload keys, with another key for each', () => {
    const web = COMMAND_IDS.flatMap((id) => keysIn(id, 'web').map((k) => formatKeys(k, 'other')));
    for (const reserved of ['Ctrl+1', 'Ctrl+2', 'Ctrl+3', 'Ctrl+Shift+R', 'Ctrl+W', 'Ctrl+T'])
      expect(web).not.toContain(reserved);
    for (const id of ['show-network', 'show-console', 'show-statistics', 'refresh'] as const)
      expect(keysIn(id, 'web').length).toBeGreaterThan(0);
  });

  it('keeps each flavour-only key to its flavour', () => {
    expect(keysIn('show-network', 'desktop')).toEqual(['Mod+1', 'Alt+1']);
    expect(keysIn('show-network', 'web')).toEqual(['Alt+1']);
    expect(keysIn('refresh', 'desktop')).toEqual(['Mod+Shift+R']);
    expect(keysIn('refresh', 'web')).toEqual(['Shift+R']);
  });

  it('gives menu items accelerators with a modifier only, never a text field key', () => {
    expect(menuAccelerator('help')).toBeUndefined(); // `?` stays with what one types
    expect(menuAccelerator('toggle-theme')).toBe('Mod+Shift+L');
    expect(menuAccelerator('fit')).toBeUndefined(); // not in the menu
    const accelerators = MENU_COMMAND_IDS.flatMap((id) => menuAccelerator(id) ?? []);
    for (const edit of [
      'Mod+C',
      'Mod+V',
      'Mod+X',
      'Mod+Z',
      'Mod+Shift+Z',
      'Mod+Y',
      'Mod+A',
      'Mod+Q',
    ])
      expect(accelerators).not.toContain(edit);
  });

  it('sends exactly the menu commands over IPC', () => {
    expect(MenuCommand.options).toEqual(MENU_COMMAND_IDS);
    expect(MENU_COMMAND_IDS).toEqual(COMMAND_IDS.filter((id) => commandSpec(id).menu));
    // The eighteen commands the menu always had, the palette, the shortcuts overlay and the
    // undo of the last edit.
    expect(MENU_COMMAND_IDS).toHaveLength(21);
    expect(Object.keys(COMMANDS)).toEqual(COMMAND_IDS);
  });
});
