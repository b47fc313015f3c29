/** The renderer's HTTP client against a running server: parsed results, thrown errors, progress. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerationJob } from '../../../src/shared/api';
import { startApiServer, type ApiServer } from '../../../src/main/api/server';
import {
  ApiRequestError,
  createHttpClient,
  type EventSourceFactory,
} from '../../../src/renderer/src/client/http-client';
import { BOOKMARK_HEADER } from '../../../src/shared/http';
import { countRegions, openHarness, type Harness } from './harness';
import { readEvents } from './sse';

let h: Harness;
let server: ApiServer;
let A = '';

/** Node 20 has no EventSource: a minimal one over fetch, enough for the client's use. */
const nodeEventSource: EventSourceFactory = (url) => {
  const listeners = new Map<string, ((event: { data: string }) => void)[]>();
  const controller = new AbortController();
  void readEvents(url, { signal: controller.signal }, (event) => {
    for (const listener of listeners.get(event.event) ?? []) listener({ data: event.data });
    return controller.signal.aborted;
  }).catch(() => undefined);
  return {
    addEventListener: (type, listener) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    close: () => controller.abort(),
  };
};

beforeAll(async () => {
  h = await openHarness({}, { regions: 1 });
  [A = ''] = h.regions;
  server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server.close();
  await h.close();
});

describe('HTTP client', () => {
  it('calls operations and parses their results', async () => {
    const client = createHttpClient({ baseUrl: server.url });
    const health = await client.health({});
    expect(health.database.reachable).toBe(true);
    const graph = await client.getRegionGraph({ region: A, limit: 10 });
    expect(graph.nodes).toEqual([]);
  });

  it('sends the bookmark of its latest write with the reads that follow', async () => {
    const sent: (string | null)[] = [];
    const client = createHttpClient({
      baseUrl: server.url,
      fetch: (url, init) => {
        sent.push(new Headers(init?.headers).get(BOOKMARK_HEADER));
        return fetch(url, init);
      },
    });
    await client.getRegionGraph({ region: A });
    const cleared = await client.clearGraph({ confirm: true, regions: [A] });
    expect(cleared.bookmark).toMatch(/\S/);
    await client.getRegionGraph({ region: A });
    await client.health({});
    expect(sent).toEqual([null, null, cleared.bookmark, null]);
  });

  it('throws the server error with its code, details, status and request id', async () => {
    const client = createHttpClient({ baseUrl: server.url });
    const error = await client
      .startGeneration({ regions: [A], consultants_per_region: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ code: 'BOUND_EXCEEDED', status: 422 });
    expect((error as ApiRequestError).details?.[0]?.field).toBe('consultants_per_region');
    expect((error as ApiRequestError).requestId).toMatch(/.+/);
  });

  it('starts a job and follows its progress to the end', async () => {
    const client = createHttpClient({ baseUrl: server.url, eventSource: nodeEventSource });
    const job = await client.startGeneration({ regions: [A], consultants_per_region: 10, seed: 3 });
    expect(job.status).toBe('running');
    const updates: GenerationJob[] = [];
    const last = await new Promise<GenerationJob>((resolve) => {
      client.onGenerationProgress(job.id, (update) => {
        updates.push(update);
        if (update.status !== 'running') resolve(update);
      });
    });
    expect(last.status).toBe('succeeded');
    expect(updates.length).toBeGreaterThan(1);
    expect((await client.getGenerationJob({ id: job.id })).result?.nodes_by_label.CONSULTANT).toBe(
      10,
    );
  });

  it('sends an empty region list so that the server refuses it, and nothing is deleted', async () => {
    // Written after the generation above: A holds data that a widened clear would delete.
    const before = await countRegions(h.driver, [A]);
    expect(before.nodes).toBeGreaterThan(0);
    const client = createHttpClient({ baseUrl: server.url });
    await expect(client.clearGraph({ confirm: true, regions: [] })).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      status: 400,
      details: [expect.objectContaining({ field: 'regions' })],
    });
    await expect(client.filterGraph({ regions: [] })).rejects.toMatchObject({ status: 400 });
    await expect(client.search({ q: 'x', regions: [] })).rejects.toMatchObject({ status: 400 });
    expect(await countRegions(h.driver, [A])).toEqual(before);
  });

  it('reports an unreachable server', async () => {
    const client = createHttpClient({ baseUrl: 'http://127.0.0.1:9' });
    await expect(client.getStats({})).rejects.toMatchObject({ code: 'INTERNAL', status: 0 });
  });
});
