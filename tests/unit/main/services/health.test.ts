/** Health checks are coalesced: one probe in flight for concurrent calls, reused for a moment. */
import neo4j, { type Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { createHealthService } from '../../../../src/main/services/health';

const ROW: Record<string, unknown> = {
  version: '5.26.0',
  edition: 'community',
  nodes: neo4j.int(12),
  relationships: neo4j.int(34),
};

/** A driver whose probe answers (or fails) when the test says so, counting the probes. */
function fakeDriver() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const driver = {
    executeQuery: () =>
      new Promise((resolve, reject) => {
        pending.push({
          resolve: () => resolve({ records: [{ get: (key: string) => ROW[key] }] }),
          reject,
        });
      }),
  };
  return { driver: driver as unknown as Driver, pending };
}

function service(driver: Driver, clock: { t: number }, timeoutMs = 5_000) {
  return createHealthService({
    driver,
    database: 'neo4j',
    uri: () => 'bolt://127.0.0.1:7687',
    managed: true,
    version: '1.0.0',
    timeoutMs,
    reuseMs: 1_000,
    now: () => clock.t,
  });
}

describe('health service', () => {
  it('answers concurrent calls with one probe', async () => {
    const { driver, pending } = fakeDriver();
    const health = service(driver, { t: 0 });
    const calls = Array.from({ length: 20 }, () => health.health());
    expect(pending).toHaveLength(1);
    pending[0]?.resolve();
    const answers = await Promise.all(calls);
    expect(pending).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.status).toBe('ok');
      expect(answer.counts).toEqual({ nodes: 12, relationships: 34 });
    }
  });

  it('reuses a finished check within the window and probes again after it', async () => {
    const { driver, pending } = fakeDriver();
    const clock = { t: 0 };
    const health = service(driver, clock);
    const first = health.health();
    pending[0]?.resolve();
    await first;
    clock.t = 999;
    expect((await health.health()).status).toBe('ok');
    expect(pending).toHaveLength(1);
    clock.t = 1_000;
    const again = health.health();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve();
    expect((await again).status).toBe('ok');
  });

  it('reports an unreachable database at once, and a recovery after the window', async () => {
    const { driver, pending } = fakeDriver();
    const clock = { t: 0 };
    const health = service(driver, clock);
    const calls = [health.health(), health.health()];
    pending[0]?.reject(new Error('ServiceUnavailable'));
    for (const answer of await Promise.all(calls)) {
      expect(answer.status).toBe('unavailable');
      expect(answer.database.reachable).toBe(false);
      expect(answer.counts).toBeNull();
    }
    expect(pending).toHaveLength(1);
    clock.t = 1_000;
    const later = health.health();
    pending[1]?.resolve();
    expect((await later).status).toBe('ok');
  });

  it('counts a probe over its time limit as unreachable', async () => {
    const { driver } = fakeDriver();
    const health = service(driver, { t: 0 }, 20);
    const answer = await health.health();
    expect(answer.status).toBe('unavailable');
  });
});
