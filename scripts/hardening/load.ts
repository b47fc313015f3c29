/**
 * Load: a fixed number of concurrent keep-alive connections for a fixed time, over a mix of
 * region, filter, filter options and stats requests, against a real server process on a
 * generated dataset. Passes with zero errors and the server's RSS at the end within 20% of its
 * RSS after warm-up. Reports throughput and p50/p90/p99 latency.
 */
import { readFileSync } from 'node:fs';
import { http, type HttpOptions } from './lib/http';
import type { ProofResult } from './lib/report';

export type LoadOptions = {
  url: string;
  token: string;
  pid: number;
  regions: string[];
  connections: number;
  seconds: number;
  warmupSeconds: number;
};

/** Resident set size of a process, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match?.[1] ? Number(match[1]) * 1024 : NaN;
}

function requestMix(regions: string[]): [string, string, HttpOptions][] {
  const [first = 'NAI', second = first] = regions;
  return [
    ['region', `/api/v1/graph/region/${first}`, {}],
    ['region', `/api/v1/graph/region/${second}?limit=200`, {}],
    [
      'filter',
      '/api/v1/graph/filter',
      {
        method: 'POST',
        body: {
          regions: [first],
          node_types: ['CONSULTANT', 'PRODUCT'],
          mandate_statuses: ['Active'],
          ratings: ['Positive'],
        },
      },
    ],
    [
      'filter',
      '/api/v1/graph/filter',
      { method: 'POST', body: { regions: [second], influence_levels: [3, 4] } },
    ],
    ['options', `/api/v1/filters/options/${first}`, {}],
    ['options', '/api/v1/filters/options', {}],
    ['stats', '/api/v1/graph/stats', {}],
  ];
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function drive(
  options: LoadOptions,
  seconds: number,
  latencies: number[],
  errors: string[],
): Promise<number> {
  const mix = requestMix(options.regions);
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  const worker = async (offset: number): Promise<void> => {
    for (let i = offset; performance.now() < deadline; i++) {
      const [kind, path, init] = mix[i % mix.length]!;
      try {
        const res = await http(options.url, path, {
          token: options.token,
          timeoutMs: 30_000,
          ...init,
        });
        latencies.push(res.ms);
        count += 1;
        if (res.status !== 200 && errors.length < 20)
          errors.push(`${kind} ${path}: ${res.status} ${res.text.slice(0, 120)}`);
        else if (res.status !== 200) errors.push('…');
      } catch (error) {
        errors.push(`${kind} ${path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, k) => worker(k)));
  return count;
}

export async function loadTest(options: LoadOptions): Promise<ProofResult> {
  const warmErrors: string[] = [];
  await drive(options, options.warmupSeconds, [], warmErrors);
  const rssWarm = rssBytes(options.pid);
  const latencies: number[] = [];
  const errors: string[] = [];
  const rssSamples: number[] = [];
  const sampler = setInterval(() => rssSamples.push(rssBytes(options.pid)), 1000);
  const started = performance.now();
  const requests = await drive(options, options.seconds, latencies, errors);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const rssEnd = rssBytes(options.pid);
  const sorted = [...latencies].sort((a, b) => a - b);
  const growth = rssEnd / rssWarm - 1;
  const failures = [...warmErrors, ...errors];
  if (Math.abs(growth) > 0.2)
    failures.push(`RSS moved ${(growth * 100).toFixed(1)}% after warm-up`);
  const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  return {
    name: `Load (${options.connections} connections, ${options.seconds} s)`,
    ok: failures.length === 0,
    figures: {
      requests,
      'requests/s': (requests / elapsed).toFixed(1),
      errors: errors.length + warmErrors.length,
      'p50 ms': percentile(sorted, 50).toFixed(1),
      'p90 ms': percentile(sorted, 90).toFixed(1),
      'p99 ms': percentile(sorted, 99).toFixed(1),
      'max ms': (sorted.at(-1) ?? NaN).toFixed(1),
      'RSS after warm-up': mb(rssWarm),
      'RSS peak': mb(Math.max(...rssSamples, rssEnd)),
      'RSS at end': mb(rssEnd),
      'RSS change': `${(growth * 100).toFixed(1)}%`,
    },
    failures,
  };
}
