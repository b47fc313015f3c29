/**
 * An in-memory stand-in for Electron's ipcMain/ipcRenderer pair: payloads are structured-cloned
 * both ways as Electron does, invokes reach the registered handler with an event naming the
 * sender's webContents and frame, and main's `send` reaches the renderer's listeners.
 */
import type { IpcRendererLike } from '../../src/preload/bridge';
import type { IpcEvent, IpcMainLike, IpcSenderContents } from '../../src/main/ipc/register';

type MainListener = (event: IpcEvent, ...args: unknown[]) => unknown;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export type MemoryWebContents = IpcSenderContents & {
  destroy: () => void;
  listeners: Map<string, Set<RendererListener>>;
};

export function memoryWebContents(id: number): MemoryWebContents {
  const listeners = new Map<string, Set<RendererListener>>();
  const onDestroyed: (() => void)[] = [];
  let destroyed = false;
  return {
    id,
    listeners,
    send: (channel, ...args) => {
      for (const listener of listeners.get(channel) ?? [])
        listener({ sender: 'main' }, ...args.map((arg) => structuredClone(arg)));
    },
    isDestroyed: () => destroyed,
    once: (_event, listener) => onDestroyed.push(listener),
    destroy: () => {
      destroyed = true;
      for (const listener of onDestroyed.splice(0)) listener();
    },
  };
}

export type MemoryIpc = {
  ipcMain: IpcMainLike;
  handlers: Map<string, MainListener>;
  /** The renderer side of one frame of a webContents. */
  renderer: (
    contents: MemoryWebContents,
    frame: { url: string; parent: unknown } | null,
  ) => IpcRendererLike;
};

export function memoryIpc(): MemoryIpc {
  const handlers = new Map<string, MainListener>();
  const listeners = new Map<string, Set<MainListener>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };

  const renderer: MemoryIpc['renderer'] = (contents, frame) => ({
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const event: IpcEvent = { sender: contents, senderFrame: frame };
      const answer = await handler(event, ...args.map((arg) => structuredClone(arg)));
      return structuredClone(answer);
    },
    send: (channel, ...args) => {
      const event: IpcEvent = { sender: contents, senderFrame: frame };
      for (const listener of listeners.get(channel) ?? [])
        void listener(event, ...args.map((arg) => structuredClone(arg)));
    },
    on: (channel, listener) => {
      const set = contents.listeners.get(channel) ?? new Set();
      set.add(listener);
      contents.listeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      contents.listeners.get(channel)?.delete(listener);
    },
  });

  return { ipcMain, handlers, renderer };
}
