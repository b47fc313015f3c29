/**
 * Key bindings as text — `Mod+Shift+E`, `Alt+1`, `/` — read the same way by the native menu (as
 * Electron accelerators), by the renderer's key handler and by everything that shows a key.
 * `Mod` is ⌘ on macOS and Ctrl elsewhere; the other modifiers are `Ctrl`, `Alt` and `Shift`.
 */

export type KeyPlatform = 'mac' | 'other';

export type KeyBinding = {
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** One character (`E`, `1`, `/`, `?`) or a named key (`Escape`). */
  key: string;
};

/** What a key handler needs of a keyboard event. */
export type KeyLike = {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
};

const MODIFIERS = ['Mod', 'Ctrl', 'Alt', 'Shift'] as const;
const NAMED_KEYS = ['Escape', 'Enter'];

export function parseKeys(text: string): KeyBinding {
  // A lone `+` is the plus key; anywhere else `+` separates the parts.
  const parts = text === '+' ? ['+'] : text.split('+');
  const key = parts.pop() ?? '';
  if (!(key.length === 1 || NAMED_KEYS.includes(key))) {
    throw new Error(`"${text}": the last part must be one character or ${NAMED_KEYS.join('/')}`);
  }
  for (const part of parts) {
    if (!MODIFIERS.some((m) => m === part)) {
      throw new Error(`"${text}": "${part}" is not one of ${MODIFIERS.join(', ')}`);
    }
  }
  return {
    mod: parts.includes('Mod'),
    ctrl: parts.includes('Ctrl'),
    alt: parts.includes('Alt'),
    shift: parts.includes('Shift'),
    key: key.length === 1 ? key.toUpperCase() : key,
  };
}

/** True for a binding with Mod, Ctrl or Alt: one that typing text never produces. */
export const hasCommandModifier = (b: KeyBinding): boolean => b.mod || b.ctrl || b.alt;

const isLetter = (key: string): boolean => /^[A-Z]$/.test(key);
const isDigit = (key: string): boolean => /^[0-9]$/.test(key);

/** The binding as an Electron accelerator (`CmdOrCtrl+Shift+E`). */
export function toAccelerator(text: string): string {
  const b = parseKeys(text);
  const key = b.key === '+' ? 'Plus' : b.key === 'Escape' ? 'Esc' : b.key;
  return [b.mod && 'CmdOrCtrl', b.ctrl && 'Ctrl', b.alt && 'Alt', b.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}

/** The binding as people read it: `⇧⌘E` on macOS, `Ctrl+Shift+E` elsewhere. */
export function formatKeys(text: string, platform: KeyPlatform): string {
  const b = parseKeys(text);
  const key = b.key === 'Escape' ? 'Esc' : b.key;
  if (platform === 'mac') {
    // Apple's order: Control, Option, Shift, Command.
    return `${b.ctrl ? '⌃' : ''}${b.alt ? '⌥' : ''}${b.shift ? '⇧' : ''}${b.mod ? '⌘' : ''}${key}`;
  }
  return [b.mod || b.ctrl ? 'Ctrl' : '', b.alt && 'Alt', b.shift && 'Shift', key]
    .filter(Boolean)
    .join('+');
}

/**
 * Whether a key press is this binding. Letters and digits match by their key or by their
 * physical key (so Alt+1 on a Mac, which types "¡", still counts); other characters match by
 * the character typed, whatever Shift it took on the keyboard's layout (`?`, `+`).
 */
export function matchesKeys(e: KeyLike, text: string, platform: KeyPlatform): boolean {
  const b = parseKeys(text);
  const wantCtrl = b.ctrl || (b.mod && platform !== 'mac');
  const wantMeta = b.mod && platform === 'mac';
  if (e.ctrlKey !== wantCtrl || e.metaKey !== wantMeta || e.altKey !== b.alt) return false;
  if (isLetter(b.key)) {
    return e.shiftKey === b.shift && (e.key.toUpperCase() === b.key || e.code === `Key${b.key}`);
  }
  if (isDigit(b.key)) {
    return e.shiftKey === b.shift && (e.key === b.key || e.code === `Digit${b.key}`);
  }
  if (b.shift && !e.shiftKey) return false;
  return e.key === b.key;
}
