/**
 * The end-to-end bench's drawing baseline: the graph the API returned, already in the page's
 * memory, drawn by a bare sigma instance (no React, no app state) at positions from the same
 * layered layout. Reports the time to the first frame, the JSON.parse time of the same text in
 * the page, and the main-thread long tasks meanwhile.
 */
import type { GraphData } from '../../../src/shared/api';
import { drawBare } from './bare-graph';

export type E2eBareResult = { firstFrameMs: number; parseMs: number; longestTaskMs: number };

declare global {
  var __E2E_BARE__: E2eBareResult | { error: string } | undefined;
}

async function main(): Promise<void> {
  const file = new URLSearchParams(window.location.search).get('data') ?? '';
  const text = await (await fetch(file)).text();
  const parseStart = performance.now();
  const data = JSON.parse(text) as GraphData;
  const parseMs = performance.now() - parseStart;
  // Let the fetch and parse settle so they do not count towards the drawing.
  await new Promise((r) => setTimeout(r, 500));
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push(e.duration);
  });
  observer.observe({ entryTypes: ['longtask'] });
  const { firstFrameMs } = await drawBare(data, 3);
  // Long task entries arrive after the task ends.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  globalThis.__E2E_BARE__ = { firstFrameMs, parseMs, longestTaskMs: Math.max(0, ...tasks) };
}

main().catch((e: unknown) => {
  globalThis.__E2E_BARE__ = { error: e instanceof Error ? e.message : String(e) };
});
