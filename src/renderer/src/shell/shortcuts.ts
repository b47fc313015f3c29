/** The keyboard shortcuts, as data: the help overlay lists them, the handler matches them. */
export type ShortcutAction =
  | 'search'
  | 'fit'
  | 'zoomIn'
  | 'zoomOut'
  | 'undo'
  | 'redo'
  | 'layout'
  | 'theme'
  | 'mode'
  | 'help'
  | 'escape'
  | 'explore'
  | 'statistics'
  | 'workbench';

export type Shortcut = { keys: string; action: ShortcutAction; text: string };

export const SHORTCUTS: Shortcut[] = [
  { keys: '/', action: 'search', text: 'Search nodes by name' },
  { keys: 'F', action: 'fit', text: 'Fit the graph to the view' },
  { keys: '+', action: 'zoomIn', text: 'Zoom in' },
  { keys: '-', action: 'zoomOut', text: 'Zoom out' },
  { keys: 'Ctrl+Z', action: 'undo', text: 'Undo the last exploration step' },
  { keys: 'Ctrl+Shift+Z', action: 'redo', text: 'Redo' },
  { keys: 'L', action: 'layout', text: 'Start or stop ForceAtlas2' },
  { keys: 'T', action: 'theme', text: 'Switch light/dark theme' },
  { keys: 'M', action: 'mode', text: 'Switch standard/recommendations mode' },
  { keys: '?', action: 'help', text: 'Show this help' },
  { keys: 'Esc', action: 'escape', text: 'Clear the selection, close dialogs' },
  { keys: 'Alt+1', action: 'explore', text: 'Explore tab' },
  { keys: 'Alt+2', action: 'workbench', text: 'Workbench tab' },
  { keys: 'Alt+3', action: 'statistics', text: 'Statistics tab' },
];

export type KeyLike = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

/** Which action a key press means; typing in a field only triggers Escape. */
export function matchShortcut(e: KeyLike, inField: boolean): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey;
  if (e.key === 'Escape') return 'escape';
  if (inField) return null;
  if (mod && e.key.toLowerCase() === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (mod && e.key.toLowerCase() === 'y') return 'redo';
  if (mod) return null;
  if (e.altKey) {
    const tabs: Record<string, ShortcutAction> = {
      '1': 'explore',
      '2': 'workbench',
      '3': 'statistics',
    };
    return tabs[e.key] ?? null;
  }
  const plain: Record<string, ShortcutAction> = {
    '/': 'search',
    f: 'fit',
    '+': 'zoomIn',
    '=': 'zoomIn',
    '-': 'zoomOut',
    l: 'layout',
    t: 'theme',
    m: 'mode',
    '?': 'help',
  };
  return plain[e.key.toLowerCase()] ?? null;
}
