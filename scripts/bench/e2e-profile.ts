/**
 * `bench:e2e --profile`: where the longest main-thread stretch of a load goes. The web UI is
 * built without minification (so function names survive), a CPU profile (CDP) covers the load
 * of the largest region, and the longest run of busy samples is summed by function: self time,
 * and time including callees.
 */
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { CDPSession } from 'playwright-core';
import { build } from 'vite';
import { aliases } from '../lib/aliases';

const ROOT = resolve(import.meta.dirname, '../..');

/** The renderer as electron-vite builds it, less the minification. */
export async function buildReadableUi(outDir: string): Promise<void> {
  const root = join(ROOT, 'src/renderer');
  await build({
    root,
    base: './',
    logLevel: 'warn',
    resolve: { alias: aliases(ROOT) },
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { input: { index: join(root, 'index.html') } },
    },
  });
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
}

const IDLE = new Set(['(idle)']);

type Stretch = { from: number; to: number; ms: number };

/** Every run of consecutive samples that are not idle, in order. */
function busyStretches(profile: Profile, byId: Map<number, ProfileNode>): Stretch[] {
  const out: Stretch[] = [];
  let current: Stretch | null = null;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (IDLE.has(byId.get(id)?.callFrame.functionName ?? '')) {
      if (current) out.push(current);
      current = null;
      return;
    }
    current ??= { from: i, to: i, ms: 0 };
    current.to = i + 1;
    current.ms += dt;
  });
  if (current) out.push(current);
  return out;
}

/**
 * Prints every busy stretch over `overMs` (with the functions, callees included, that take most
 * of it), then the longest one summed by function: self time, and time including callees.
 */
export async function reportProfile(cdp: CDPSession, top = 15, overMs = 200): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode): string => {
    const file = n.callFrame.url.split('/').pop() ?? '';
    const fn = n.callFrame.functionName || '(anonymous)';
    return file ? `${fn} ${file}:${n.callFrame.lineNumber + 1}` : fn;
  };
  const sums = ({ from, to }: Stretch) => {
    const self = new Map<string, number>();
    const total = new Map<string, number>();
    for (let i = from; i < to; i++) {
      const id = profile.samples[i] as number;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = byId.get(id);
      if (!leaf) continue;
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const node = byId.get(n);
        if (!node) break;
        const key = name(node);
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + dt);
      }
    }
    return { self, total };
  };
  const list = (m: Map<string, number>, n: number, skip = new Set<string>()): string =>
    [...m]
      .filter(([k]) => !skip.has(k.split(' ')[0] ?? k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  const stretches = busyStretches(profile, byId);
  const long = stretches.filter((s) => s.ms > overMs);
  const startUs = (s: Stretch): number =>
    profile.timeDeltas.slice(0, s.from + 1).reduce((a, b) => a + b, 0);
  console.log(`\nBusy stretches over ${overMs} ms in the CPU profile: ${long.length}`);
  // Entry points every stretch shares say nothing: the callees below them do.
  const generic = new Set([
    '(root)',
    '(program)',
    '(anonymous)',
    '(garbage',
    'performWorkUntilDeadline',
  ]);
  for (const s of long) {
    console.log(`  at ${(startUs(s) / 1000).toFixed(0)} ms: ${s.ms.toFixed(0)} ms`);
    const { self, total } = sums(s);
    console.log(`   by self time:\n${list(self, 6)}`);
    console.log(`   including callees:\n${list(total, 10, generic)}`);
  }
  const best = stretches.reduce<Stretch>((b, s) => (s.ms > b.ms ? s : b), {
    from: 0,
    to: 0,
    ms: 0,
  });
  const { self, total } = sums(best);
  console.log(`\nLongest busy stretch in the CPU profile: ${best.ms.toFixed(0)} ms`);
  console.log(`  by self time:\n${list(self, top)}`);
  console.log(`  including callees:\n${list(total, top)}`);
}
