/**
 * The renderer side of the harness: a Chromium page that gets the app's real preload bundle
 * (out/preload/index.cjs) before any of its own scripts, with stand-ins for the two things that
 * bundle takes from Electron: `ipcRenderer`, which forwards over a WebSocket to the harness's
 * main side, and `contextBridge`, which exposes a frozen copy of the bridge on `window`. As in
 * Electron, only the top frame gets the preload.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

const PRELOAD_BUNDLE = join(import.meta.dirname, '../../../out/preload/index.cjs');

type StandInOptions = { socket: string };
type Preload = (require: (name: string) => unknown, module: { exports: unknown }) => void;

/** Runs in the page: it may only use what a browser has (it is sent as source text). */
function preloadStandIn(options: StandInOptions, preload: Preload): void {
  if (window !== window.top) return;
  const BYTES = '$bytes';
  const toBase64 = (bytes: Uint8Array): string => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  const encode = (message: unknown): string =>
    JSON.stringify(message, (_key, value: unknown) =>
      value instanceof Uint8Array ? { [BYTES]: toBase64(value) } : value,
    );
  const decode = (text: string): Record<string, unknown> =>
    JSON.parse(text, (_key, value: unknown) =>
      typeof value === 'object' && value !== null && BYTES in value
        ? Uint8Array.from(atob(String((value as Record<string, unknown>)[BYTES])), (c) =>
            c.charCodeAt(0),
          )
        : value,
    ) as Record<string, unknown>;

  type Listener = (event: unknown, ...args: unknown[]) => void;
  const socket = new WebSocket(options.socket);
  const queue: string[] = [];
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const listeners = new Map<string, Set<Listener>>();
  let counter = 0;
  const post = (message: unknown): void => {
    const text = encode(message);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else queue.push(text);
  };
  socket.addEventListener('open', () => {
    for (const text of queue.splice(0)) socket.send(text);
  });
  socket.addEventListener('message', (event: MessageEvent<string>) => {
    const message = decode(event.data);
    if (message.t === 'event') {
      const channel = String(message.channel);
      for (const listener of [...(listeners.get(channel) ?? [])])
        listener({}, ...(message.args as unknown[]));
      return;
    }
    const call = pending.get(Number(message.n));
    if (!call) return;
    pending.delete(Number(message.n));
    if (message.t === 'reply') call.resolve(message.value);
    else call.reject(new Error(String(message.message)));
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) call.reject(new Error('The IPC connection closed.'));
    pending.clear();
  });

  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        counter += 1;
        pending.set(counter, { resolve, reject });
        post({ t: 'invoke', n: counter, channel, args });
      }),
    send: (channel: string, ...args: unknown[]): void => post({ t: 'send', channel, args }),
    on: (channel: string, listener: Listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: Record<string, unknown>): void => {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }), enumerable: true });
    },
  };
  const module = { exports: {} };
  preload((name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`A sandboxed preload cannot require ${name}.`);
  }, module);
}

let bundle: string | undefined;

/** Source of the init script: the stand-in, handed the real bundle as a CommonJS module. */
function preloadScript(socket: string): string {
  bundle ??= readFileSync(PRELOAD_BUNDLE, 'utf8');
  const options: StandInOptions = { socket };
  return `(${preloadStandIn.toString()})(${JSON.stringify(options)}, function (require, module) {\nconst exports = module.exports;\n${bundle}\n});`;
}

/** A new page (a window's web contents) that gets the preload, then loads `url`. */
export async function openPreloadedPage(
  context: BrowserContext,
  url: string,
  socket: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: preloadScript(socket) });
  await page.goto(url);
  return page;
}
