/**
 * Every security setting of the app's window in one place: web preferences, the content
 * security policy, and the handlers that deny navigation, new windows, webviews and permission
 * requests. External http(s) links open in the OS browser instead.
 */
import type { WebPreferences } from 'electron';
import { originOf } from '../ipc/sender';

/** The packaged renderer is served from this privileged custom scheme, not file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'smart-network';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export type CspOptions = {
  /** Origin of the embedded REST API, e.g. http://127.0.0.1:8000. */
  apiOrigin?: string;
  /** Dev server origin (development only): its module scripts and hot-reload socket. */
  devServerOrigin?: string;
};

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const devSocket = dev?.replace(/^http/, 'ws');
  const connect = ["'self'", options.apiOrigin, dev, devSocket].filter(Boolean);
  // The dev server injects an inline preamble for React refresh; the packaged app has none.
  const scripts = dev ? ["'self'", "'unsafe-inline'", dev] : ["'self'"];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': scripts,
    // CodeMirror and the graph view insert <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The ForceAtlas2 layout runs in a web worker created from a blob URL.
    'worker-src': ["'self'", 'blob:'],
    'connect-src': connect as string[],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Links the app hands to the OS browser: http(s) only, never file:, javascript: or others. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The app never navigates its window; a reload of its own page is the only allowed load. */
export function isAllowedNavigation(url: string, appOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== undefined && appOrigins.includes(origin);
}

type PreventableEvent = { preventDefault: () => void };

/** The parts of Electron's webContents the hardening uses. */
export type WebContentsLike = {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => void;
};

export type SessionLike = {
  setPermissionRequestHandler: (
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ) => void;
  setPermissionCheckHandler: (handler: () => boolean) => void;
  webRequest: {
    onHeadersReceived: (
      listener: (
        details: { responseHeaders?: Record<string, string[] | string> },
        callback: (response: { responseHeaders: Record<string, string[] | string> }) => void,
      ) => void,
    ) => void;
  };
};

export type HardeningOptions = {
  appOrigins: readonly string[];
  openExternal: (url: string) => Promise<void>;
  onBlocked?: (what: string, url: string) => void;
};

export function hardenWebContents(contents: WebContentsLike, options: HardeningOptions): void {
  const blockNavigation = (event: PreventableEvent, url: string): void => {
    if (isAllowedNavigation(url, options.appOrigins)) return;
    event.preventDefault();
    options.onBlocked?.('navigation', url);
    if (isExternalLink(url)) void options.openExternal(url).catch(() => undefined);
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onBlocked?.('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void options.openExternal(url).catch(() => undefined);
    else options.onBlocked?.('window.open', url);
    return { action: 'deny' };
  });
}

/** Denies every permission (camera, notifications, geolocation, …) and sets the CSP header. */
export function hardenSession(session: SessionLike, csp: () => string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers))
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    headers['Content-Security-Policy'] = [csp()];
    callback({ responseHeaders: headers });
  });
}
