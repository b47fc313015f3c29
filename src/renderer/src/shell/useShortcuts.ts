/** Binds the shortcut table to the document. */
import { useEffect } from 'react';
import type { ShortcutAction } from './shortcuts';
import { matchShortcut } from './shortcuts';

export function useShortcuts(handle: (action: ShortcutAction) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target;
      const inField =
        target instanceof HTMLElement &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      const action = matchShortcut(e, inField);
      if (!action) return;
      e.preventDefault();
      handle(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [handle]);
}
