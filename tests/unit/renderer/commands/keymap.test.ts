import { describe, expect, it } from 'vitest';
import {
  commandForKey,
  commandHint,
  detectPlatform,
  rendererKeys,
  type KeyContext,
} from '../../../../src/renderer/src/commands/keymap';
import { COMMAND_IDS, keysIn, menuAccelerator } from '../../../../src/shared/commands';
import { parseKeys, type KeyLike, type KeyPlatform } from '../../../../src/shared/keys';

const WEB: KeyContext = { flavour: 'web', platform: 'other' };
const DESKTOP: KeyContext = { flavour: 'desktop', platform: 'other' };
const MAC_WEB: KeyContext = { flavour: 'web', platform: 'mac' };

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const ctrl = (key: string, mods: Partial<KeyLike> = {}) => press(key, { ctrlKey: true, ...mods });

/** The key press a binding stands for, as a browser reports it. */
function pressOf(keys: string, platform: KeyPlatform): KeyLike {
  const b = parseKeys(keys);
  const code = /^[A-Z]$/.test(b.key) ? `Key${b.key}` : /^[0-9]$/.test(b.key) ? `Digit${b.key}` : '';
  return {
    key: b.key.length === 1 ? b.key.toLowerCase() : b.key,
    code,
    ctrlKey: b.ctrl || (b.mod && platform !== 'mac'),
    metaKey: b.mod && platform === 'mac',
    altKey: b.alt,
    shiftKey: b.shift,
  };
}

describe('keys → commands', () => {
  it('runs the README shortcuts in the browser', () => {
    expect(commandForKey(ctrl('f'), false, WEB)).toBe('search');
    expect(commandForKey(ctrl('b'), false, WEB)).toBe('toggle-filters');
    expect(commandForKey(ctrl('G', { shiftKey: true }), false, WEB)).toBe('generate');
    expect(commandForKey(ctrl('L', { shiftKey: true }), false, WEB)).toBe('toggle-theme');
    expect(commandForKey(ctrl('!', { shiftKey: true, code: 'Digit1' }), false, WEB)).toBe(
      'mode-standard',
    );
    expect(commandForKey(ctrl('['), false, WEB)).toBe('back');
    expect(commandForKey(ctrl('k'), false, WEB)).toBe('command-palette');
  });

  it('leaves the browser its tab and reload keys and offers Alt+1…3 and Shift+R instead', () => {
    expect(commandForKey(ctrl('1', { code: 'Digit1' }), false, WEB)).toBeNull();
    expect(commandForKey(ctrl('R', { shiftKey: true }), false, WEB)).toBeNull();
    expect(commandForKey(press('1', { altKey: true }), false, WEB)).toBe('show-network');
    expect(commandForKey(press('2', { altKey: true }), false, WEB)).toBe('show-console');
    expect(commandForKey(press('3', { altKey: true }), false, WEB)).toBe('show-statistics');
    expect(commandForKey(press('R', { shiftKey: true }), false, WEB)).toBe('refresh');
  });

  it('leaves the desktop menu its accelerators, so a command never runs twice', () => {
    expect(commandForKey(ctrl('b'), false, DESKTOP)).toBeNull();
    expect(commandForKey(ctrl('1', { code: 'Digit1' }), false, DESKTOP)).toBeNull();
    // Keys the menu does not carry still work.
    expect(commandForKey(press('1', { altKey: true }), false, DESKTOP)).toBe('show-network');
    expect(commandForKey(press('t'), false, DESKTOP)).toBe('toggle-theme');
    expect(commandForKey(ctrl('z'), false, DESKTOP)).toBe('back');
    for (const id of COMMAND_IDS) {
      const accelerator = menuAccelerator(id);
      if (accelerator) expect(rendererKeys(id, 'desktop')).not.toContain(accelerator);
      expect(rendererKeys(id, 'web')).toEqual(keysIn(id, 'web'));
    }
  });

  it('leaves typing to the field: plain keys and the field’s own undo', () => {
    expect(commandForKey(press('f'), true, WEB)).toBeNull();
    expect(commandForKey(press('?', { shiftKey: true }), true, WEB)).toBeNull();
    expect(commandForKey(press('R', { shiftKey: true }), true, WEB)).toBeNull();
    expect(commandForKey(ctrl('z'), true, WEB)).toBeNull();
    expect(commandForKey(ctrl('Z', { shiftKey: true }), true, WEB)).toBeNull();
    expect(commandForKey(press('Escape'), true, WEB)).toBe('clear-selection');
    expect(commandForKey(ctrl('k'), true, WEB)).toBe('command-palette');
    expect(commandForKey(ctrl('f'), true, WEB)).toBe('search');
  });

  it('uses Cmd on macOS', () => {
    expect(commandForKey(press('k', { metaKey: true }), false, MAC_WEB)).toBe('command-palette');
    expect(commandForKey(ctrl('k'), false, MAC_WEB)).toBeNull();
    expect(detectPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe('mac');
    expect(detectPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe('other');
  });

  it.each<KeyContext>([WEB, DESKTOP, MAC_WEB, { flavour: 'desktop', platform: 'mac' }])(
    'runs each command from each of its keys (%o)',
    (ctx) => {
      for (const id of COMMAND_IDS) {
        for (const keys of rendererKeys(id, ctx.flavour)) {
          expect(commandForKey(pressOf(keys, ctx.platform), false, ctx), keys).toBe(id);
        }
      }
    },
  );

  it('writes tooltips from the table', () => {
    expect(commandHint('zoom-in', WEB)).toBe('Zoom In (+, =)');
    expect(commandHint('show-network', WEB)).toBe('Explore (Alt+1)');
    expect(commandHint('show-network', DESKTOP)).toBe('Explore (Ctrl+1, Alt+1)');
    expect(commandHint('command-palette', MAC_WEB)).toBe('Command Palette… (⌘K)');
    expect(commandHint('clear', WEB)).toBe('Clear Data…');
  });
});
