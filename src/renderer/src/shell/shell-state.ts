/** What the shell shows: the tab, the theme, the overlay on top, whether the filters are open. */
import type { Theme } from '../state/preferences';
import { createStore, type Store } from '../state/store';

/**
 * `undo-edit`: the confirmation of an undo (under the `confirm` protection level);
 * `create-node`: the form of a new node.
 */
export type Overlay = 'help' | 'palette' | 'connection' | 'undo-edit' | 'create-node';

export type ShellState = {
  /** 'explore', 'workbench', 'statistics' or a plugged-in tab's id. */
  tab: string;
  theme: Theme;
  overlay: Overlay | null;
  filtersOpen: boolean;
  /** The region the statistics dashboard is scoped to (null: all regions). */
  statisticsRegion: string | null;
};

export const createShellState = (theme: Theme): Store<ShellState> =>
  createStore<ShellState>({
    tab: 'explore',
    theme,
    overlay: null,
    filtersOpen: true,
    statisticsRegion: null,
  });

/** Opens an overlay, or closes it when it is the one open. */
export const toggleOverlay =
  (overlay: Overlay) =>
  (s: ShellState): ShellState => ({ ...s, overlay: s.overlay === overlay ? null : overlay });
