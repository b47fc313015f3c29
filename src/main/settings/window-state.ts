/** The window's last placement, remembered across sessions in the settings file. */
import type { Settings, SettingsStore } from './store';

export type SavedPlacement = NonNullable<Settings['window']>;

export function readWindowPlacement(settings: SettingsStore): SavedPlacement | undefined {
  return settings.read().window;
}

export function saveWindowPlacement(settings: SettingsStore, placement: SavedPlacement): void {
  const bounds = {
    x: Math.round(placement.bounds.x),
    y: Math.round(placement.bounds.y),
    width: Math.round(placement.bounds.width),
    height: Math.round(placement.bounds.height),
  };
  settings.update((current) => ({
    ...current,
    window: { bounds, maximized: placement.maximized },
  }));
}
