/**
 * Measuring helpers of the API benchmark: timed HTTP calls, percentiles, and throughput with
 * autocannon run as a separate process (so that the load generator does not share the event
 * loop of the server it measures).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Result } from 'autocannon';

export type HttpCall = { method: 'GET' | 'POST'; path: string; body?: unknown };

export type Timed = { ms: number; bytes: number };

export async function timeHttp(baseUrl: string, call: HttpCall): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${call.path}`, {
    method: call.method,
    headers: call.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const body = await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200)
    throw new Error(
      `${call.method} ${call.path} answered ${res.status}: ${Buffer.from(body).toString()}`,
    );
  return { ms, bytes: body.byteLength };
}

export async function timeTask(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export type Percentiles = { p50: number; p95: number; p99: number };

/** Nearest-rank percentiles. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export type Throughput = {
  url: string;
  requestsPerSecond: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  p99Ms: number;
};

const autocannonCli = createRequire(import.meta.url).resolve('autocannon');

export function throughput(url: string, connections: number, seconds: number): Promise<Throughput> {
  const args = [autocannonCli, '-j', '-c', String(connections), '-d', String(seconds), url];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      if (error) return reject(new Error(`autocannon failed: ${error.message}`));
      const result = JSON.parse(stdout) as Result;
      resolve({
        url,
        requestsPerSecond: result.requests.average,
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        p99Ms: result.latency.p99,
      });
    });
  });
}

export const fmt = (ms: number): string => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
