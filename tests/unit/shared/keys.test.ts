import { describe, expect, it } from 'vitest';
import {
  formatKeys,
  matchesKeys,
  parseKeys,
  toAccelerator,
  type KeyLike,
} from '../../../src/shared/keys';

const press = (key: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('key bindings', () => {
  it('parses modifiers and the key, and refuses anything else by name', () => {
    expect(parseKeys('Mod+Shift+e')).toEqual({
      mod: true,
      ctrl: false,
      alt: false,
      shift: true,
      key: 'E',
    });
    expect(parseKeys('+').key).toBe('+');
    expect(parseKeys('Escape').key).toBe('Escape');
    expect(() => parseKeys('Cmd+E')).toThrow(/"Cmd" is not one of Mod, Ctrl, Alt, Shift/);
    expect(() => parseKeys('Mod+Home')).toThrow(/one character/);
  });

  it('writes Electron accelerators', () => {
    expect(toAccelerator('Mod+Shift+E')).toBe('CmdOrCtrl+Shift+E');
    expect(toAccelerator('Mod+Alt+E')).toBe('CmdOrCtrl+Alt+E');
    expect(toAccelerator('Mod+,')).toBe('CmdOrCtrl+,');
    expect(toAccelerator('+')).toBe('Plus');
  });

  it('shows keys the way each platform writes them', () => {
    expect(formatKeys('Mod+Shift+E', 'other')).toBe('Ctrl+Shift+E');
    expect(formatKeys('Mod+Shift+E', 'mac')).toBe('⇧⌘E');
    expect(formatKeys('Mod+Alt+E', 'mac')).toBe('⌥⌘E');
    expect(formatKeys('Alt+1', 'other')).toBe('Alt+1');
    expect(formatKeys('Escape', 'mac')).toBe('Esc');
    expect(formatKeys('?', 'other')).toBe('?');
  });

  it('matches Mod as Ctrl off macOS and as Cmd on macOS, and nothing else', () => {
    expect(matchesKeys(press('k', { ctrlKey: true }), 'Mod+K', 'other')).toBe(true);
    expect(matchesKeys(press('k', { metaKey: true }), 'Mod+K', 'other')).toBe(false);
    expect(matchesKeys(press('k', { metaKey: true }), 'Mod+K', 'mac')).toBe(true);
    expect(matchesKeys(press('k', { ctrlKey: true }), 'Mod+K', 'mac')).toBe(false);
    // Extra modifiers make another key.
    expect(matchesKeys(press('K', { ctrlKey: true, shiftKey: true }), 'Mod+K', 'other')).toBe(
      false,
    );
    expect(matchesKeys(press('k', { ctrlKey: true, altKey: true }), 'Mod+K', 'other')).toBe(false);
  });

  it('matches digits by their physical key when Shift or Option changes the character', () => {
    const shifted = press('!', { code: 'Digit1', ctrlKey: true, shiftKey: true });
    expect(matchesKeys(shifted, 'Mod+Shift+1', 'other')).toBe(true);
    expect(matchesKeys(shifted, 'Mod+1', 'other')).toBe(false);
    expect(matchesKeys(press('¡', { code: 'Digit1', altKey: true }), 'Alt+1', 'mac')).toBe(true);
  });

  it('matches symbols by the character, whatever Shift it took', () => {
    expect(matchesKeys(press('?', { shiftKey: true }), '?', 'other')).toBe(true);
    expect(matchesKeys(press('/', {}), '?', 'other')).toBe(false);
    expect(matchesKeys(press('+', { shiftKey: true }), '+', 'other')).toBe(true);
    expect(matchesKeys(press('[', { ctrlKey: true }), 'Mod+[', 'other')).toBe(true);
    expect(matchesKeys(press('R', { shiftKey: true }), 'Shift+R', 'other')).toBe(true);
    expect(matchesKeys(press('r'), 'Shift+R', 'other')).toBe(false);
  });
});
