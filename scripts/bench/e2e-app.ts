/**
 * The app side of `npm run bench:e2e`: the built web UI as `npm run serve` serves it, in a tab of
 * its own, loading one region by clicking it once the app is idle on another region (the click
 * finds nothing still loading or laid out). Measured in the page from the click: the first frame
 * sigma draws holding every node, and the settled drawing (layout stopped, overlaps removed); the
 * region request's bytes and time (resource timing); main-thread long tasks
 * (PerformanceObserver 'longtask'); the page's JavaScript heap once settled (CDP).
 */
import type { BrowserContext, Page } from 'playwright-core';

export type AppRun = {
  firstFrameMs: number;
  settledMs: number;
  /** Request start to the last byte of the region response, in the page. */
  requestMs: number;
  wireBytes: number;
  longestTaskMs: number;
  /** The longest task before the first frame (the load itself, layout not yet running). */
  longestTaskToFirstFrameMs: number;
  tasksOver200: number;
  heapBytes: number;
  drawnNodes: number;
};

type Task = { start: number; ms: number };

declare global {
  var __E2E_TASKS__: Task[] | undefined;
}

export async function openApp(context: BrowserContext, url: string, maxDraw: number) {
  const page = await context.newPage();
  // tsx keeps function names with a helper the page lacks: the functions evaluated here need it.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // Before any script of the page: the draw limit, and a record of every long task.
  await page.addInitScript((max) => {
    localStorage.setItem('smart-network.maxDrawNodes', String(max));
    const tasks: Task[] = [];
    globalThis.__E2E_TASKS__ = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  }, maxDraw);
  page.on('pageerror', (e) => console.error(`  app page error: ${e.message}`));
  await page.goto(`${url}/?debug`);
  await page.locator('[data-testid="connection"][data-status="ok"]').waitFor({ timeout: 120_000 });
  return page;
}

/**
 * Waits until the app has settled more views than `before` (holding `nodes` nodes, when given)
 * and nothing loads or lays out; answers the page's clock then.
 */
async function settled(
  page: Page,
  before: number,
  {
    nodes,
    timeoutMs = 900_000,
    pollingMs = 250,
  }: { nodes?: number; timeoutMs?: number; pollingMs?: number } = {},
): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, want]) => {
      const sn = globalThis.__SN__;
      const busy =
        !sn ||
        (want !== null && sn.nodeCount() !== want) ||
        sn.layoutRunning() ||
        sn.settling() ||
        sn.settledCount() <= n ||
        document.querySelector('[data-testid="loading"], [data-testid="drawing-progress"]');
      return busy ? false : performance.now();
    },
    [before, nodes ?? null] as const,
    { timeout: timeoutMs, polling: pollingMs },
  );
  return Number(await handle.jsonValue());
}

/**
 * Clicks the region and measures until the drawing has settled. The click comes from an app idle
 * on another region: the one it opened on, or, when that is the region measured, another loaded
 * and settled first. With a single region in the database the click comes during the app's own
 * opening load of it.
 */
export async function measureRegionLoad(
  page: Page,
  region: string,
  expectedNodes: number,
  timeoutMs: number,
): Promise<AppRun> {
  const button = page.locator(`[data-region="${region}"]`);
  await button.waitFor();
  const other = page.locator(`[data-region]:not([data-region="${region}"])`).first();
  if ((await other.count()) > 0) {
    await settled(page, 0);
    if ((await button.getAttribute('aria-pressed')) === 'true') {
      const before = await page.evaluate(() => globalThis.__SN__?.settledCount() ?? 0);
      await other.click();
      await settled(page, before);
    }
  }
  const settledBefore = await page.evaluate(() => globalThis.__SN__?.settledCount() ?? 0);
  const { t0, firstFrameAt } = await page.evaluate(
    ([r, n]) =>
      new Promise<{ t0: number; firstFrameAt: number }>((resolve, reject) => {
        const button = document.querySelector<HTMLElement>(`[data-region="${r}"]`);
        if (!button) return reject(new Error(`no region button ${r}`));
        const t0 = performance.now();
        button.click();
        // The frame after sigma drew every node is the one on screen (as on the bare page).
        const check = (): void => {
          const last = globalThis.__SN__?.lastRender();
          if (last && last.nodes === n && last.at > t0)
            resolve({ t0, firstFrameAt: performance.now() });
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [region, expectedNodes] as const,
  );
  const settledAt = await settled(page, settledBefore, {
    nodes: expectedNodes,
    timeoutMs,
    pollingMs: 100,
  });
  // Long task entries are delivered after the task ends.
  await page.waitForTimeout(300);
  const page_ = await page.evaluate(
    ([start, end, frame, r]) => {
      const tasks = (globalThis.__E2E_TASKS__ ?? []).filter(
        (t) => t.start + t.ms >= start && t.start <= end,
      );
      const max = (list: { ms: number }[]): number => list.reduce((m, t) => Math.max(m, t.ms), 0);
      const resource = performance
        .getEntriesByType('resource')
        .filter((e): e is PerformanceResourceTiming => e.name.includes(`/graph/region/${r}`))
        .at(-1);
      return {
        longestTaskMs: max(tasks),
        longestTaskToFirstFrameMs: max(tasks.filter((t) => t.start <= frame)),
        tasksOver200: tasks.filter((t) => t.ms > 200).length,
        requestMs: resource ? resource.responseEnd - resource.startTime : NaN,
        wireBytes: resource ? resource.encodedBodySize : NaN,
        drawnNodes: globalThis.__SN__?.nodeCount() ?? -1,
      };
    },
    [t0, settledAt, firstFrameAt, region] as const,
  );
  const cdp = await page.context().newCDPSession(page);
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return {
    ...page_,
    firstFrameMs: firstFrameAt - t0,
    settledMs: settledAt - t0,
    heapBytes: heap.usedSize,
  };
}
