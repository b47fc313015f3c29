/** Listening: a free port on request, falling back when the preferred port is taken. */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../../src/shared/api';
import { startApiServer } from '../../../src/main/api/server';
import { harness, type Harness } from './harness';

let h: Harness;
beforeAll(() => {
  h = harness({}, { regions: 1 });
});
afterAll(async () => {
  await h.close();
});

describe('startApiServer', () => {
  it('serves /health on a free port and closes', async () => {
    const server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/health`);
    const health = HealthResponse.parse(await res.json());
    expect(res.status).toBe(200);
    expect(health.database.reachable).toBe(true);
    expect(health.database.version).toMatch(/^5\./);
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('falls back to a free port when asked, and fails clearly when not', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const taken = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startApiServer(h.backend, { host: '127.0.0.1', port: taken })).rejects.toThrow(
        `Port ${taken} on 127.0.0.1 is already in use`,
      );
      const server = await startApiServer(h.backend, {
        host: '127.0.0.1',
        port: taken,
        fallbackToFreePort: true,
      });
      expect(server.port).not.toBe(taken);
      await server.close();
    } finally {
      blocker.close();
    }
  });

  it('exposes Prometheus metrics with request, query, pool and count series', async () => {
    const server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
    try {
      await fetch(`${server.url}/api/v1/graph/stats`);
      const text = await (await fetch(`${server.url}/metrics`)).text();
      expect(text).toMatch(
        /http_request_duration_seconds_count\{[^}]*route="\/api\/v1\/graph\/stats"[^}]*status="200"/,
      );
      expect(text).toMatch(/neo4j_query_duration_seconds_count\{kind="(query|session)"\} [1-9]/);
      expect(text).toContain('neo4j_pool_in_use');
      expect(text).toMatch(/graph_nodes\{label="CONSULTANT"\} \d+/);
      expect(text).toContain('process_resident_memory_bytes');
    } finally {
      await server.close();
    }
  });
});
