import { describe, expect, it, vi } from 'vitest';
import { awaitedBookmarks } from '../../../../src/main/db/bookmarks';
import { registerIpc } from '../../../../src/main/ipc/register';
import type { DesktopHandlers, GenerationEvents } from '../../../../src/main/desktop/types';
import type { Handlers } from '../../../../src/main/services/types';
import { createBridge } from '../../../../src/preload/bridge';
import { createIpcClient } from '../../../../src/renderer/src/client/ipc-client';
import type { GenerationJob, GraphResponse } from '../../../../src/shared/api';
import {
  contract,
  CLIENT_OPERATION_NAMES,
  type ClientOperationName,
} from '../../../../src/shared/contract';
import {
  desktopContract,
  DESKTOP_OPERATION_NAMES,
  SAVE_FILE_MAX_BYTES,
  type DesktopOperationName,
} from '../../../../src/shared/desktop';
import { AppError } from '../../../../src/shared/errors';
import {
  BRIDGE_OPERATION_NAMES,
  GENERATION_PROGRESS_EVENT,
  MENU_COMMAND_EVENT,
  SUBSCRIBE_GENERATION,
  VIEW_GRAPH,
  operationChannel,
  type Bridge,
  type BridgeOperationName,
  type IpcResult,
} from '../../../../src/shared/ipc';
import { FIXTURES } from './fixtures';
import { memoryIpc, memoryWebContents, type MemoryWebContents } from '../../../support/memory-ipc';

const APP_PAGE = { url: 'app://smart-network/index.html', parent: null };

/** The renderer's own bridge client, with one `call` for client and desktop operations. */
function rendererClient(bridge: Bridge) {
  const client = createIpcClient(bridge);
  const call = (name: BridgeOperationName, input: unknown): Promise<unknown> => {
    const operation =
      name in contract
        ? client[name as ClientOperationName]
        : client.desktop[name as DesktopOperationName];
    return (operation as (input: unknown) => Promise<unknown>)(input);
  };
  return { call, onGenerationProgress: client.onGenerationProgress, viewGraph: client.viewGraph };
}

function outputSchema(name: BridgeOperationName) {
  return name in contract
    ? contract[name as keyof typeof contract].output
    : desktopContract[name as keyof typeof desktopContract].output;
}

function setup() {
  const ipc = memoryIpc();
  const calls: { name: string; input: unknown }[] = [];
  const answers = new Map<string, (input: unknown) => Promise<unknown>>();
  const fake = (name: BridgeOperationName) => (input: unknown) => {
    calls.push({ name, input });
    return answers.get(name)?.(input) ?? Promise.resolve(FIXTURES[name].output);
  };
  // Fakes answer with the fixtures, which are checked against the output schemas below.
  const handlers = Object.fromEntries(CLIENT_OPERATION_NAMES.map((n) => [n, fake(n)])) as Handlers;
  const desktop = Object.fromEntries(
    DESKTOP_OPERATION_NAMES.map((n) => [n, fake(n)]),
  ) as DesktopHandlers;

  const listeners = new Map<string, Set<(job: GenerationJob) => void>>();
  const unsubscribed: string[] = [];
  const generation: GenerationEvents = {
    subscribe: (jobId, listener) => {
      if (jobId === 'missing') throw new AppError('NOT_FOUND', 'No generation job missing.');
      const set = listeners.get(jobId) ?? new Set();
      set.add(listener);
      listeners.set(jobId, set);
      return () => {
        set.delete(listener);
        unsubscribed.push(jobId);
      };
    },
  };
  const emit = (job: GenerationJob) => {
    for (const listener of listeners.get(job.id) ?? []) listener(job);
  };

  const logger = { warn: vi.fn(), error: vi.fn() };
  let windowId: number | undefined = 1;
  const dispose = registerIpc({
    ipcMain: ipc.ipcMain,
    handlers: () => handlers,
    desktop,
    generation: () => generation,
    policy: { windowId: () => windowId, origins: ['app://smart-network'] },
    logger,
  });
  const window = memoryWebContents(1);
  const bridge = createBridge(ipc.renderer(window, APP_PAGE));
  const client = rendererClient(bridge);
  const bridgeFor = (contents: MemoryWebContents, frame: { url: string; parent: unknown } | null) =>
    createBridge(ipc.renderer(contents, frame));
  return {
    ipc,
    calls,
    answers,
    window,
    bridge,
    client,
    bridgeFor,
    emit,
    unsubscribed,
    listeners,
    logger,
    dispose,
    closeWindow: () => {
      windowId = undefined;
    },
  };
}

const callClient = (
  client: ReturnType<typeof setup>['client'],
  name: BridgeOperationName,
  input: unknown,
) => client.call(name, input);

const callBridge = (
  bridge: ReturnType<typeof setup>['bridge'],
  name: BridgeOperationName,
  input: unknown,
) => (bridge[name] as (input: unknown) => Promise<IpcResult<unknown>>)(input);

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('IPC contract', () => {
  it('runs an operation in a scope that waits for the bookmark the window sent', async () => {
    const { bridge, answers } = setup();
    const waited: (readonly string[])[] = [];
    answers.set('search', () => {
      waited.push(awaitedBookmarks());
      return Promise.resolve(FIXTURES.search.output);
    });
    expect((await bridge.search({ q: 'a' })).ok).toBe(true);
    expect((await bridge.search({ q: 'a' }, { bookmark: 'FB:one,FB:two' })).ok).toBe(true);
    expect(waited).toEqual([[], ['FB:one', 'FB:two']]);
    const refused = await bridge.search({ q: 'a' }, { bookmark: 'not one' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(waited).toHaveLength(2);
  });

  it('loads a view graph in compact chunks over the bridge, the same graph as the operation', async () => {
    const { client, calls } = setup();
    const chunks: number[] = [];
    const graph = await client.viewGraph(
      { operation: 'filterGraph', input: { regions: ['NAI'] } },
      { onChunk: (chunk) => chunks.push(chunk.nodes.length + chunk.relationships.length) },
    );
    const full = FIXTURES.filterGraph.output as GraphResponse;
    expect(calls).toEqual([{ name: 'filterGraph', input: { regions: ['NAI'], mode: 'standard' } }]);
    expect(graph.nodes.map((n) => [n.key, n.label, n.name, n.region])).toEqual(
      full.nodes.map((n) => [n.key, n.label, n.name, n.region]),
    );
    expect(graph.relationships.map((r) => [r.key, r.type, r.source, r.target])).toEqual(
      full.relationships.map((r) => [r.key, r.type, r.source, r.target]),
    );
    expect(graph.totals).toEqual(full.totals);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(full.nodes.length + full.relationships.length);
  });

  it('refuses a view load of an operation that is not a view', async () => {
    const { bridge, calls } = setup();
    const answer = await (
      bridge.viewGraph as (request: unknown, onLine: () => void) => Promise<unknown>
    )({ operation: 'runQuery', input: {} }, () => undefined);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(calls).toEqual([]);
  });

  it('registers one channel per operation and exposes one bridge function per operation', () => {
    const { ipc, bridge } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [...BRIDGE_OPERATION_NAMES.map(operationChannel), SUBSCRIBE_GENERATION, VIEW_GRAPH].sort(),
    );
    expect(Object.keys(bridge).sort()).toEqual(
      [
        ...BRIDGE_OPERATION_NAMES,
        'onGenerationProgress',
        'onMenuCommand',
        'onAppStatus',
        'viewGraph',
      ].sort(),
    );
    for (const name of BRIDGE_OPERATION_NAMES) {
      expect(operationChannel(name)).toBe(`sn:${name}`);
      expect(typeof bridge[name]).toBe('function');
    }
  });

  it('covers every operation of both contracts with a fixture that its output schema accepts', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual([...BRIDGE_OPERATION_NAMES].sort());
    for (const name of BRIDGE_OPERATION_NAMES)
      expect(outputSchema(name).safeParse(FIXTURES[name].output).success, name).toBe(true);
  });

  it.each(BRIDGE_OPERATION_NAMES)('%s: a round trip returns the service result', async (name) => {
    const { client, calls } = setup();
    const fixture = FIXTURES[name];
    await expect(callClient(client, name, fixture.input)).resolves.toEqual(fixture.output);
    expect(calls).toEqual([{ name, input: fixture.parsed ?? fixture.input }]);
  });

  it.each(BRIDGE_OPERATION_NAMES)('%s: input that is not an object is refused', async (name) => {
    const { client, bridge, calls } = setup();
    const envelope = await callBridge(bridge, name, 'DROP DATABASE neo4j');
    expect(envelope).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const error = await callClient(client, name, 42).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(calls).toEqual([]);
  });

  const withFields = BRIDGE_OPERATION_NAMES.filter((name) => FIXTURES[name].invalid);
  it.each(withFields)('%s: an invalid field is refused with an error naming it', async (name) => {
    const { client, calls } = setup();
    const invalid = FIXTURES[name].invalid!;
    const error = await callClient(client, name, invalid.input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION_ERROR');
    expect(appError.details?.map((d) => d.field)).toContain(invalid.field);
    expect(appError.message).toContain(invalid.field);
    expect(calls).toEqual([]);
  });

  it('refuses calls from another window on every channel', async () => {
    const { bridgeFor, calls, logger } = setup();
    const other = bridgeFor(memoryWebContents(2), APP_PAGE);
    for (const name of BRIDGE_OPERATION_NAMES) {
      const envelope = await callBridge(other, name, FIXTURES[name].input);
      expect(envelope, name).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(calls).toEqual([]);
    expect(logger.warn).toHaveBeenCalled();
  });

  it.each([
    ['an iframe of the app window', { url: 'app://smart-network/index.html', parent: {} }],
    ['a page of another origin', { url: 'https://attacker.example/', parent: null }],
    ['a file page', { url: 'file:///tmp/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses calls from %s', async (_what, frame) => {
    const { window, bridgeFor, calls } = setup();
    const bridge = bridgeFor(window, frame);
    await expect(bridge.getStats({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses calls while the app has no window', async () => {
    const { bridge, calls, closeWindow } = setup();
    closeWindow();
    await expect(bridge.health({})).resolves.toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it('passes service errors on with their code and details', async () => {
    const { client, answers } = setup();
    answers.set('startGeneration', () =>
      Promise.reject(
        new AppError('BOUND_EXCEEDED', 'consultants_per_region is over its bound of 50', [
          { field: 'consultants_per_region', message: 'at most 50', bound: 50 },
        ]),
      ),
    );
    await expect(
      client.call('startGeneration', { consultants_per_region: 500 }),
    ).rejects.toMatchObject({
      code: 'BOUND_EXCEEDED',
      message: 'consultants_per_region is over its bound of 50',
      details: [{ field: 'consultants_per_region', bound: 50 }],
    });
  });

  it('answers unexpected failures with INTERNAL and no internal text', async () => {
    const { bridge, answers, logger } = setup();
    answers.set('runQuery', () =>
      Promise.reject(new Error('Neo.ClientError at /srv/app/src/main/db/driver.ts:42 password=x')),
    );
    const envelope = await bridge.runQuery({ query: 'RETURN 1' });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(envelope)).not.toMatch(/driver\.ts|password|Neo\.ClientError|at \//);
    expect(logger.error).toHaveBeenCalled();
  });

  it('delivers generation progress to its subscriber until it unsubscribes', async () => {
    const { client, emit, unsubscribed, listeners } = setup();
    const job = FIXTURES.getGenerationJob.output as GenerationJob;
    const seen: GenerationJob[] = [];
    const other: GenerationJob[] = [];
    const stop = client.onGenerationProgress('job-1', (update) => seen.push(update));
    client.onGenerationProgress('job-2', (update) => other.push(update));
    await flush();
    expect(listeners.get('job-1')?.size).toBe(1);

    emit(job);
    emit({ ...job, progress: { ...job.progress!, done: 2 } });
    // The second update comes with the next slot of the throttle, as on the event stream.
    expect(seen.map((j) => j.progress?.done)).toEqual([1]);
    await expect.poll(() => seen.map((j) => j.progress?.done)).toEqual([1, 2]);
    expect(other).toEqual([]);

    stop();
    await flush();
    expect(unsubscribed).toEqual(['job-1']);
    emit(job);
    expect(seen).toHaveLength(2);
  });

  it('drops the subscriptions of a window that goes away', async () => {
    const { client, window, unsubscribed } = setup();
    client.onGenerationProgress('job-1', () => undefined);
    client.onGenerationProgress('job-3', () => undefined);
    await flush();
    window.destroy();
    expect(unsubscribed.sort()).toEqual(['job-1', 'job-3']);
  });

  it('refuses subscriptions to unknown jobs and from unexpected senders', async () => {
    const { ipc, window } = setup();
    const invoke = (contents: MemoryWebContents, payload: unknown) =>
      ipc.renderer(contents, APP_PAGE).invoke(SUBSCRIBE_GENERATION, payload);
    await expect(invoke(window, { subscription: 's1', jobId: 'missing' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(invoke(window, { subscription: 's1' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR' },
    });
    await expect(
      invoke(memoryWebContents(7), { subscription: 's1', jobId: 'job-1' }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('sends menu commands and progress only to the listeners that want them', () => {
    const { bridge, window } = setup();
    const commands: unknown[] = [];
    const stop = bridge.onMenuCommand((command) => commands.push(command));
    window.send(MENU_COMMAND_EVENT, 'generate');
    window.send(GENERATION_PROGRESS_EVENT, { subscription: 'nobody', job: {} });
    stop();
    window.send(MENU_COMMAND_EVENT, 'search');
    expect(commands).toEqual(['generate']);
  });

  it('saveFile: bytes cross as bytes, and a folder in the name or an oversized file is refused', async () => {
    const { client, calls } = setup();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const input = {
      suggestedName: 'view.png',
      filters: [{ name: 'PNG image', extensions: ['png'] }],
      data: bytes,
    };
    await expect(client.call('saveFile', input)).resolves.toEqual(FIXTURES.saveFile.output);
    expect(calls).toEqual([{ name: 'saveFile', input }]);

    const refused = [
      { suggestedName: '/etc/passwd', data: 'x' },
      { suggestedName: 'C:\\Windows\\evil.dll', data: 'x' },
      { suggestedName: '..', data: 'x' },
      { suggestedName: 'a.csv', filters: [{ name: 'CSV', extensions: ['.csv'] }], data: 'x' },
      { suggestedName: 'a.csv', data: 42 },
      { suggestedName: 'big.bin', data: new Uint8Array(SAVE_FILE_MAX_BYTES + 1) },
      { suggestedName: 'a.csv', data: 'x', path: '/tmp/a.csv' },
    ];
    for (const bad of refused)
      await expect(
        client.call('saveFile', bad),
        JSON.stringify(bad.suggestedName),
      ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(calls).toHaveLength(1);
  });

  it('removes every channel when disposed', () => {
    const { ipc, dispose } = setup();
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
