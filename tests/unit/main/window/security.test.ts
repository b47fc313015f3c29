import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isAllowedNavigation,
  isExternalLink,
  secureWebPreferences,
  type SessionLike,
  type WebContentsLike,
} from '../../../../src/main/window/security';

function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

type Listener = (...args: unknown[]) => void;

/** Records handlers like webContents does and lets a test fire its events. */
function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const on = (event: string, listener: Listener) => listeners.set(event, listener);
  const contents: WebContentsLike = {
    // One recording function stands in for every overload of webContents.on.
    on: on as WebContentsLike['on'],
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (event: string, url = '') => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }), listeners };
}

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('has a strict content security policy for the packaged app', () => {
    const csp = parseCsp(contentSecurityPolicy({ apiOrigin: 'http://127.0.0.1:8000' }));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:8000']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    const all = [...csp.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(all.some((source) => source === '*' || source.startsWith('https:'))).toBe(false);
  });

  it('allows the dev server only in development', () => {
    const csp = parseCsp(contentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(csp.get('script-src')).toContain('http://localhost:5173');
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'http://localhost:5173',
      'ws://localhost:5173',
    ]);
    expect(parseCsp(contentSecurityPolicy()).get('connect-src')).toEqual(["'self'"]);
  });

  it('recognises external links and app pages', () => {
    expect(isExternalLink('https://neo4j.com/docs')).toBe(true);
    expect(isExternalLink('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'nonsense'])
      expect(isExternalLink(url), url).toBe(false);
    expect(isAllowedNavigation(`${APP_ORIGIN}/index.html`, [APP_ORIGIN])).toBe(true);
    expect(isAllowedNavigation('https://smart-network.example/', [APP_ORIGIN])).toBe(false);
  });

  it('denies navigation away from the app and opens web links in the OS browser', () => {
    const { contents, fire } = fakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    const onBlocked = vi.fn();
    hardenWebContents(contents, { appOrigins: [APP_ORIGIN], openExternal, onBlocked });

    expect(fire('will-navigate', 'https://attacker.example/phish')).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://attacker.example/phish');
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-redirect', 'https://elsewhere.example/')).toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(2);
    expect(fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    expect(onBlocked).toHaveBeenCalledWith('navigation', 'file:///etc/passwd');
  });

  it('denies every new window, handing only http(s) links to the OS browser', () => {
    const { contents, open } = fakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenWebContents(contents, { appOrigins: [APP_ORIGIN], openExternal });
    expect(open('https://neo4j.com/docs/')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://neo4j.com/docs/']]);
  });

  it('refuses to attach webviews', () => {
    const { contents, fire } = fakeWebContents();
    hardenWebContents(contents, { appOrigins: [APP_ORIGIN], openExternal: vi.fn() });
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies permission requests and checks, and sets the CSP on every response', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | undefined;
    let check: (() => boolean) | undefined;
    let headers: Parameters<SessionLike['webRequest']['onHeadersReceived']>[0] | undefined;
    const session: SessionLike = {
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
      webRequest: { onHeadersReceived: (listener) => (headers = listener) },
    };
    hardenSession(session, () => "default-src 'self'");

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(check?.()).toBe(false);

    const callback = vi.fn();
    headers?.(
      {
        responseHeaders: {
          'content-security-policy': ['script-src *'],
          'Content-Type': ['text/html'],
        },
      },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: {
        'Content-Type': ['text/html'],
        'Content-Security-Policy': ["default-src 'self'"],
      },
    });
  });
});
