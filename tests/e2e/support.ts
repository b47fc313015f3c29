/** Helpers for the explore e2e: the read-only debug handle, waits, screenshots, geometry. */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { GraphResponse } from '../../src/shared/api';

// The page's read-only test handle `globalThis.__SN__` (present with `?debug`) is declared by
// the network view's DebugHandle module, which this project's typecheck includes.
import type {} from '../../src/renderer/src/features/network/DebugHandle';

export const nodeCount = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.nodeCount() ?? -1);

/** Waits until the drawn graph has settled (no load, no running layout, no settle under way). */
export async function settled(page: Page): Promise<void> {
  const network = page.getByTestId('network');
  await expect(network).toHaveAttribute('data-layout-running', 'false', { timeout: 60_000 });
  await expect(network).toHaveAttribute('data-settling', 'false', { timeout: 60_000 });
  await expect(page.getByText('Loading…')).toHaveCount(0);
}

/** Opens the app with its debug handle and waits until it is connected. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
}

/** Opens the app and loads a region: every node the API returns is drawn and has settled. */
export async function openRegion(
  page: Page,
  request: APIRequestContext,
  region = 'NAI',
): Promise<GraphResponse> {
  await openApp(page);
  await page.locator(`[data-region="${region}"]`).click();
  const graph = (await (
    await request.get(`/api/v1/graph/region/${region}?limit=5000`)
  ).json()) as GraphResponse;
  await expect.poll(() => nodeCount(page)).toBe(graph.nodes.length);
  await settled(page);
  return graph;
}

export async function snap(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/e2e-${name}.png` });
}

/** Clicks a node where sigma draws it; with a modifier held (Shift: add to the selection). */
export async function clickNode(
  page: Page,
  key: string,
  modifier?: 'Shift' | 'Control',
): Promise<void> {
  const at = await page.evaluate((k) => globalThis.__SN__?.nodePosition(k) ?? null, key);
  if (!at) throw new Error(`node ${key} is not drawn`);
  const box = await page.getByTestId('network').boundingBox();
  if (!box) throw new Error('no network box');
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.click(box.x + at.x, box.y + at.y);
  if (modifier) await page.keyboard.up(modifier);
}

type Box = { name: string; x: number; y: number; width: number; height: number };

/** Pairs of visible panels whose boxes overlap by more than a pixel. */
export async function overlappingPanels(page: Page): Promise<string[]> {
  const boxes = await page.$$eval('[data-panel]', (els) =>
    els
      .map((el) => {
        const r = el.getBoundingClientRect();
        return {
          name: el.getAttribute('data-panel') ?? '?',
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
        };
      })
      .filter((b) => b.width > 0 && b.height > 0),
  );
  const out: string[] = [];
  const contains = (a: Box, b: Box): boolean =>
    a.x <= b.x && a.y <= b.y && a.x + a.width >= b.x + b.width && a.y + a.height >= b.y + b.height;
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      // A panel laid out inside another (the layout bar in the network column) is nesting.
      if (contains(a, b) || contains(b, a)) continue;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.push(`${a.name} × ${b.name}`);
    }
  }
  return out;
}

export async function outsideViewport(page: Page): Promise<string[]> {
  const size = page.viewportSize();
  if (!size) return [];
  return page.$$eval(
    '[data-panel]',
    (els, vp) =>
      els
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return (
            r.width > 0 &&
            (r.right > vp.width + 1 || r.bottom > vp.height + 1 || r.x < -1 || r.y < -1)
          );
        })
        .map((el) => el.getAttribute('data-panel') ?? '?'),
    size,
  );
}
