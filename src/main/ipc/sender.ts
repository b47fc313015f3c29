/**
 * Which callers IPC answers: only the top frame of the app's own window, showing the app's own
 * page (the packaged `app://` origin, or the dev server in development). Anything else — another
 * window, an iframe, a page navigated elsewhere — is refused.
 */

/** The parts of Electron's IPC event that identify the caller. */
export type SenderEvent = {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
};

export type SenderPolicy = {
  /** webContents id of the app's window, or undefined while there is none. */
  windowId: () => number | undefined;
  /** Origins (`scheme://host[:port]`) the app's page is served from. */
  origins: readonly string[];
};

/** `scheme://host[:port]` of a URL; custom schemes have no WHATWG origin, hence by hand. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export function isTrustedSender(event: SenderEvent, policy: SenderPolicy): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const windowId = policy.windowId();
  if (windowId === undefined || event.sender.id !== windowId) return false;
  const origin = originOf(frame.url);
  return origin !== undefined && policy.origins.includes(origin);
}
