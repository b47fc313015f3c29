/**
 * The renderer reaches no Node API: the preload bundle (the built one when present, else the
 * source bundled the same way) is run in a bare VM context — no `process`, `Buffer` or `require`
 * beyond a fake `electron` — and what it exposes is checked: exactly one `api` object whose keys
 * are the contract's operations plus the three subscriptions, all functions, each operation
 * answering with main's plain result, and no listener ever handed the IPC event (whose `sender`
 * is ipcRenderer itself).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_OPERATION_NAMES, operationChannel } from '../../../src/shared/ipc';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILT = resolve(ROOT, 'out/preload/index.cjs');
const SUBSCRIPTIONS = ['onAppStatus', 'onGenerationProgress', 'onMenuCommand', 'viewGraph'];

type Listener = (event: unknown, ...args: unknown[]) => void;
type Exposed = { name: string; api: Record<string, unknown> };

async function preloadCode(): Promise<{ code: string; source: string }> {
  if (existsSync(BUILT))
    return { code: readFileSync(BUILT, 'utf8'), source: 'out/preload/index.cjs' };
  const result = await build({
    entryPoints: [resolve(ROOT, 'src/preload/index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    external: ['electron'],
    write: false,
  });
  return { code: result.outputFiles[0]?.text ?? '', source: 'src/preload (bundled)' };
}

const exposed: Exposed[] = [];
const invoked: { channel: string; args: unknown[] }[] = [];
const listeners = new Map<string, Set<Listener>>();
const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => {
    invoked.push({ channel, args });
    return Promise.resolve({ ok: true, value: { channel } });
  },
  send: () => undefined,
  on: (channel: string, listener: Listener) => {
    listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    return ipcRenderer;
  },
  removeListener: (channel: string, listener: Listener) => {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};
let source = '';

beforeAll(async () => {
  const loaded = await preloadCode();
  source = loaded.source;
  const electron = {
    contextBridge: {
      exposeInMainWorld: (name: string, api: Record<string, unknown>) =>
        exposed.push({ name, api }),
    },
    ipcRenderer,
  };
  const module = { exports: {} };
  const context = createContext({
    require: (id: string) => {
      if (id !== 'electron') throw new Error(`preload required ${id}`);
      return electron;
    },
    module,
    exports: module.exports,
    console,
  });
  runInContext(loaded.code, context, { filename: source });
});

describe(`preload bridge surface`, () => {
  it('exposes one api object: the contract operations and the subscriptions, nothing else', () => {
    expect(exposed.map((e) => e.name)).toEqual(['api']);
    const api = exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual([...BRIDGE_OPERATION_NAMES, ...SUBSCRIPTIONS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    console.log(`bridge surface (${source}): ${Object.keys(api).length} functions`);
  });

  it('answers each operation with main’s plain result, over its own channel, one argument', async () => {
    const api = exposed[0]?.api ?? {};
    for (const name of BRIDGE_OPERATION_NAMES) {
      const call = api[name] as (input: unknown, extra?: unknown) => Promise<unknown>;
      const result = await call({}, { smuggled: true });
      expect(result).toEqual({ ok: true, value: { channel: operationChannel(name) } });
      expect(invoked.at(-1)).toEqual({ channel: operationChannel(name), args: [{}] });
    }
  });

  it('never hands a listener the IPC event (or ipcRenderer through it)', () => {
    const api = exposed[0]?.api ?? {};
    const received: unknown[][] = [];
    const record = (...args: unknown[]) => received.push(args);
    const unsubscribe = [
      (api.onMenuCommand as (l: typeof record) => () => void)(record),
      (api.onAppStatus as (l: typeof record) => () => void)(record),
      (api.onGenerationProgress as (id: string, l: typeof record) => () => void)('job-1', record),
    ];
    const event = { sender: ipcRenderer, ports: [] };
    for (const [, set] of listeners)
      for (const listener of set) listener(event, { subscription: 'x', job: {}, command: 'about' });
    for (const args of received) {
      expect(args).toHaveLength(1);
      expect(args[0]).not.toBe(event);
      expect(JSON.stringify(args[0])).not.toContain('sender');
    }
    for (const off of unsubscribe) {
      expect(typeof off).toBe('function');
      expect(off()).toBeUndefined();
    }
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });
});
