/**
 * The app's one window: secure preferences, hardened web contents, remembered placement, and the
 * app's page (the dev server in development, `app://` when packaged).
 */
import { BrowserWindow, screen, shell } from 'electron';
import { placeWindow, MIN_SIZE, type Rectangle } from './bounds';
import { hardenWebContents, secureWebPreferences } from './security';

export type WindowOptions = {
  title: string;
  preload: string;
  url: string;
  appOrigins: readonly string[];
  icon?: string;
  saved: { bounds: Rectangle; maximized: boolean } | undefined;
  onPlacement: (placement: { bounds: Rectangle; maximized: boolean }) => void;
  onBlocked: (what: string, url: string) => void;
};

function workAreas(): Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const placement = placeWindow(options.saved, workAreas());
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#111827',
    ...(options.icon && { icon: options.icon }),
    webPreferences: secureWebPreferences(options.preload),
  });
  hardenWebContents(window.webContents, {
    appOrigins: options.appOrigins,
    openExternal: (url) => shell.openExternal(url),
    onBlocked: options.onBlocked,
  });
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    options.onPlacement({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(options.url);
  return window;
}
