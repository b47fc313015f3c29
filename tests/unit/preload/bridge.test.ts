import { describe, expect, it } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../src/preload/bridge';
import {
  APP_STATUS_EVENT,
  BRIDGE_OPERATION_NAMES,
  GENERATION_PROGRESS_EVENT,
  SUBSCRIBE_GENERATION,
  UNSUBSCRIBE_GENERATION,
} from '../../../src/shared/ipc';

type Recorded = { kind: 'invoke' | 'send'; channel: string; args: unknown[] };

function recordingIpc() {
  const recorded: Recorded[] = [];
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      recorded.push({ kind: 'invoke', channel, args });
      return Promise.resolve({ ok: true, value: null });
    },
    send: (channel, ...args) => {
      recorded.push({ kind: 'send', channel, args });
    },
    on: (channel, listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const push = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload);
  };
  return { ipc, recorded, listeners, push };
}

describe('preload bridge', () => {
  it('invokes each operation on its own channel with exactly one argument', async () => {
    const { ipc, recorded } = recordingIpc();
    const bridge = createBridge(ipc);
    for (const name of BRIDGE_OPERATION_NAMES) {
      const call = bridge[name] as (...args: unknown[]) => Promise<unknown>;
      await call({ marker: name }, 'extra', () => 'not sent');
    }
    expect(recorded).toEqual(
      BRIDGE_OPERATION_NAMES.map((name) => ({
        kind: 'invoke',
        channel: `sn:${name}`,
        args: [{ marker: name }],
      })),
    );
  });

  it('hands back what main answered without touching it', async () => {
    const { ipc } = recordingIpc();
    const answer = { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
    const bridge = createBridge({ ...ipc, invoke: () => Promise.resolve(answer) });
    await expect(bridge.getNode({ label: 'COMPANY', id: 'x' })).resolves.toBe(answer);
  });

  it('subscribes to generation progress and unsubscribes once', () => {
    const { ipc, recorded, listeners, push } = recordingIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const stop = bridge.onGenerationProgress('job-9', (job) => seen.push(job));
    const subscribe = recorded.find((r) => r.channel === SUBSCRIBE_GENERATION);
    const { subscription } = subscribe?.args[0] as { subscription: string; jobId: string };
    expect(subscribe?.args[0]).toEqual({ subscription, jobId: 'job-9' });

    push(GENERATION_PROGRESS_EVENT, { subscription: 'someone-else', job: { id: 'x' } });
    push(GENERATION_PROGRESS_EVENT, { subscription, job: { id: 'job-9' } });
    expect(seen).toEqual([{ id: 'job-9' }]);

    stop();
    stop();
    expect(recorded.filter((r) => r.channel === UNSUBSCRIBE_GENERATION)).toEqual([
      { kind: 'send', channel: UNSUBSCRIBE_GENERATION, args: [{ subscription }] },
    ]);
    expect(listeners.get(GENERATION_PROGRESS_EVENT)?.size).toBe(0);
  });

  it('refuses subscriptions without a job id or a listener function', () => {
    const bridge = createBridge(recordingIpc().ipc);
    const subscribe = bridge.onGenerationProgress as (...args: unknown[]) => unknown;
    expect(() => subscribe(42, () => undefined)).toThrow(TypeError);
    expect(() => subscribe('job', 'listener')).toThrow(TypeError);
    expect(() => (bridge.onAppStatus as (l: unknown) => unknown)(null)).toThrow(TypeError);
  });

  it('relays app status events to listeners until they unsubscribe', () => {
    const { ipc, push } = recordingIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const stop = bridge.onAppStatus((status) => seen.push(status));
    push(APP_STATUS_EVENT, { progress: 'Downloading Neo4j 12%' });
    stop();
    push(APP_STATUS_EVENT, { progress: 'later' });
    expect(seen).toEqual([{ progress: 'Downloading Neo4j 12%' }]);
  });
});
