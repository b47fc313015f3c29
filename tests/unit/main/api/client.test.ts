/**
 * The REST client context: a handler sees who asks, and a signal that aborts when the caller
 * closes its connection before the answer is complete (and only then), over real HTTP.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { restClient } from '../../../../src/main/api/client';
import { currentClient } from '../../../../src/main/services/request-context';

let close: (() => void) | undefined;
afterEach(() => close?.());

function serve() {
  const seen: { signal?: AbortSignal; client?: string }[] = [];
  const app = express();
  app.use(restClient());
  app.get('/answer', (_req, res) => {
    const { client, signal } = currentClient();
    seen.push({ client, ...(signal && { signal }) });
    res.json({ ok: true });
  });
  // Never answers: the caller gives up.
  app.get('/stuck', () => {
    const { client, signal } = currentClient();
    seen.push({ client, ...(signal && { signal }) });
  });
  const server = app.listen(0, '127.0.0.1');
  close = () => server.close();
  return new Promise<{ url: string; seen: typeof seen }>((resolve) =>
    server.on('listening', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

const until = async (check: () => boolean): Promise<void> => {
  const end = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('restClient', () => {
  it('aborts the signal when the caller closes the connection first', async () => {
    const { url, seen } = await serve();
    const caller = new AbortController();
    const pending = fetch(`${url}/stuck`, { signal: caller.signal }).catch(() => 'given up');
    await until(() => seen.length === 1);
    expect(seen[0]?.client).toBe('rest');
    expect(seen[0]?.signal?.aborted).toBe(false);
    caller.abort();
    expect(await pending).toBe('given up');
    await until(() => seen[0]?.signal?.aborted === true);
  });

  it('leaves the signal alone when the answer was sent', async () => {
    const { url, seen } = await serve();
    const res = await fetch(`${url}/answer`);
    expect(await res.json()).toEqual({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen[0]?.signal?.aborted).toBe(false);
  });
});
