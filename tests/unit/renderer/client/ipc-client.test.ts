import { describe, expect, it } from 'vitest';
import { createIpcClient } from '../../../../src/renderer/src/client/ipc-client';
import { AppError } from '../../../../src/shared/errors';
import { CLIENT_OPERATION_NAMES } from '../../../../src/shared/contract';
import { DESKTOP_OPERATION_NAMES } from '../../../../src/shared/desktop';
import { BRIDGE_OPERATION_NAMES, type Bridge } from '../../../../src/shared/ipc';

const stats = {
  total_nodes: 3,
  total_relationships: 2,
  nodes_by_label: { CONSULTANT: 3 },
  relationships_by_type: { EMPLOYS: 2 },
  regions: [],
  database_size_bytes: null,
  last_generation: null,
};
const job = {
  id: 'job-1',
  status: 'succeeded',
  request: { mode: 'append' },
  progress: null,
  result: null,
  error: null,
  rolled_back: false,
  started_at: '2025-01-01T00:00:00.000Z',
  finished_at: '2025-01-01T00:00:05.000Z',
  bookmark: 'FB:job',
};

/** A bridge whose every operation answers `answer(name, input)`; events are pushed by the test. */
function fakeBridge(answer: (name: string, input: unknown, transport?: unknown) => unknown) {
  const progress = new Set<(job: unknown) => void>();
  const menu = new Set<(command: unknown) => void>();
  const status = new Set<(status: unknown) => void>();
  const subscribe =
    <T>(set: Set<(value: T) => void>) =>
    (listener: (value: T) => void) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  const operations = Object.fromEntries(
    BRIDGE_OPERATION_NAMES.map((name) => [
      name,
      (input: unknown, transport?: unknown) => Promise.resolve(answer(name, input, transport)),
    ]),
  );
  // The fake answers whatever the test says, including answers a real main would never send.
  const bridge = {
    ...operations,
    onGenerationProgress: (_jobId: string, listener: (job: unknown) => void) =>
      subscribe(progress)(listener),
    onMenuCommand: subscribe(menu),
    onAppStatus: subscribe(status),
  } as unknown as Bridge;
  const push = (set: Set<(value: unknown) => void>, value: unknown) =>
    set.forEach((listener) => listener(value));
  return { bridge, progress, menu, status, push };
}

describe('bridge client', () => {
  it('sends the bookmark of its latest write with every operation that waits for one', async () => {
    const calls: { name: string; transport: unknown }[] = [];
    const cleared = { deleted_nodes: 1, deleted_relationships: 0, regions: null, seconds: 0 };
    const { bridge, progress, push } = fakeBridge((name, _input, transport) => {
      calls.push({ name, transport });
      if (name === 'clearGraph') return { ok: true, value: { ...cleared, bookmark: 'FB:clear' } };
      return { ok: true, value: { total: 0, results: [], offset: 0, has_more: false } };
    });
    const client = createIpcClient(bridge);
    await client.search({ q: 'a' });
    await client.clearGraph({ confirm: true });
    await client.search({ q: 'a' });
    expect(calls.map((c) => c.transport)).toEqual([undefined, undefined, { bookmark: 'FB:clear' }]);
    // A finished job's bookmark is the newest one once its last event arrives.
    const stop = client.onGenerationProgress('job-1', () => undefined);
    push(progress, job);
    stop();
    await client.search({ q: 'a' });
    expect(calls.at(-1)?.transport).toEqual({ bookmark: 'FB:job' });
  });

  it('offers every operation of the contract, and the desktop ones under `desktop`', () => {
    const client = createIpcClient(fakeBridge(() => null).bridge);
    for (const name of CLIENT_OPERATION_NAMES) expect(typeof client[name], name).toBe('function');
    for (const name of DESKTOP_OPERATION_NAMES)
      expect(typeof client.desktop[name], name).toBe('function');
    expect(Object.keys(client.desktop).sort()).toEqual(
      [...DESKTOP_OPERATION_NAMES, 'onAppStatus', 'onMenuCommand'].sort(),
    );
  });

  it('parses desktop answers like any other', async () => {
    const saved = { saved: true, path: '/home/ada/graph.json' };
    const { bridge } = fakeBridge((name) =>
      name === 'saveFile' ? { ok: true, value: saved } : { ok: true, value: { saved: 'yes' } },
    );
    const client = createIpcClient(bridge);
    await expect(
      client.desktop.saveFile({ suggestedName: 'graph.json', data: '{}' }),
    ).resolves.toEqual(saved);
    await expect(client.desktop.listProfiles({})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('returns parsed values and passes the input on unchanged', async () => {
    const inputs: unknown[] = [];
    const { bridge } = fakeBridge((_name, input) => {
      inputs.push(input);
      return { ok: true, value: stats };
    });
    await expect(createIpcClient(bridge).getStats({})).resolves.toEqual(stats);
    expect(inputs).toEqual([{}]);
  });

  it('turns error envelopes into AppErrors with code and details', async () => {
    const { bridge } = fakeBridge(() => ({
      ok: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: 'getRegionGraph input is invalid (region: a region code)',
        details: [{ field: 'region', message: 'a region code' }],
      },
    }));
    const error = await createIpcClient(bridge)
      .getRegionGraph({ region: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'region', message: 'a region code' }],
    });
  });

  it.each([
    ['a value that breaks the output schema', { ok: true, value: { total_nodes: 'many' } }],
    ['no envelope at all', stats],
    ['an unknown error code', { ok: false, error: { code: 'EVIL', message: 'x' } }],
    ['nothing', undefined],
  ])('refuses %s', async (_what, answer) => {
    const { bridge } = fakeBridge(() => answer);
    await expect(createIpcClient(bridge).getStats({})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('delivers only well-formed generation progress', () => {
    const { bridge, progress, push } = fakeBridge(() => null);
    const seen: unknown[] = [];
    const stop = createIpcClient(bridge).onGenerationProgress('job-1', (j) => seen.push(j));
    push(progress, job);
    push(progress, { ...job, status: 'exploded' });
    stop();
    push(progress, job);
    expect(seen).toEqual([job]);
  });

  it('delivers known menu commands and app status only', () => {
    const { bridge, menu, status, push } = fakeBridge(() => null);
    const client = createIpcClient(bridge);
    const commands: string[] = [];
    const statuses: unknown[] = [];
    client.desktop.onMenuCommand((command) => commands.push(command));
    client.desktop.onAppStatus((s) => statuses.push(s));
    push(menu, 'export-png');
    push(menu, 'rm -rf /');
    push(status, { info: {}, progress: 'x' });
    expect(commands).toEqual(['export-png']);
    expect(statuses).toEqual([]);
  });
});
