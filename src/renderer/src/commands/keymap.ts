/**
 * Which command a key press means, and how a command's keys read, in this flavour (desktop or
 * browser) and on this platform. Pure: the shell binds it to the document.
 */
import {
  COMMAND_IDS,
  commandSpec,
  isMenuCommand,
  keysIn,
  menuAccelerator,
  type CommandId,
  type Flavour,
} from '@shared/commands';
import {
  formatKeys,
  hasCommandModifier,
  matchesKeys,
  parseKeys,
  type KeyLike,
  type KeyPlatform,
} from '@shared/keys';

export type KeyContext = { flavour: Flavour; platform: KeyPlatform };

export const detectPlatform = (userAgent: string): KeyPlatform =>
  /Mac|iPhone|iPad/.test(userAgent) ? 'mac' : 'other';

/** Keys a text field keeps for itself (its own undo and redo). */
const TEXT_EDITING = new Set(['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y']);

/** Whether a binding still acts while the focus is in a text field. */
function actsWhileTyping(keys: string): boolean {
  const b = parseKeys(keys);
  if (b.key === 'Escape') return true;
  return hasCommandModifier(b) && !TEXT_EDITING.has(formatKeys(keys, 'other'));
}

/**
 * The keys the renderer handles itself. On the desktop the native menu owns its items'
 * accelerators (it fires them and sends the command), so handling them here too would run the
 * command twice.
 */
export function rendererKeys(id: CommandId, flavour: Flavour): string[] {
  const keys = keysIn(id, flavour);
  if (flavour !== 'desktop' || !isMenuCommand(id)) return keys;
  const accelerator = menuAccelerator(id);
  return keys.filter((k) => k !== accelerator);
}

/** The command a key press runs, if any; `inField` when the focus is in a text field. */
export function commandForKey(e: KeyLike, inField: boolean, ctx: KeyContext): CommandId | null {
  for (const id of COMMAND_IDS) {
    for (const keys of rendererKeys(id, ctx.flavour)) {
      if ((!inField || actsWhileTyping(keys)) && matchesKeys(e, keys, ctx.platform)) return id;
    }
  }
  return null;
}

/** Every key of a command in this flavour, as people read them. */
export const keyLabels = (id: CommandId, ctx: KeyContext): string[] =>
  keysIn(id, ctx.flavour).map((k) => formatKeys(k, ctx.platform));

/** A button's tooltip: the command's title and its keys (`Zoom In (+, =)`). */
export function commandHint(id: CommandId, ctx: KeyContext): string {
  const title = commandSpec(id).title;
  const keys = keyLabels(id, ctx);
  return keys.length ? `${title} (${keys.join(', ')})` : title;
}
