/**
 * The analyst's steps the layout is judged on, driven through the UI of a page opened with
 * `?debug`: region load, reset to all data, recommendations mode, expanding a company, Show in
 * network of a Cypher result, reopening a saved view. Shared by `npm run bench:layout` and the
 * layout browser test; each step ends once the drawing has settled.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { largestShift, snapshot, type Snapshot } from './layout-picture';

const num = async (page: Page, expr: string): Promise<number> =>
  Number(
    await page.evaluate(`(() => { const sn = globalThis.__SN__; return sn ? ${expr} : -1; })()`),
  );

export const settledCount = (page: Page): Promise<number> => num(page, 'sn.settledCount()');
export const drawnCount = (page: Page): Promise<number> => num(page, 'sn.nodeCount()');

/** Time for the camera's fit animation and the frame after it. */
const AFTER_FIT_MS = 700;

/** Runs `action`, then waits until the drawing settled after it (or nothing arrived at all). */
async function settleAfter(page: Page, action: () => Promise<unknown>, timeout: number) {
  const before = await settledCount(page);
  const nodes = await drawnCount(page);
  await action();
  const started = Date.now();
  for (;;) {
    if (Date.now() - started > timeout) throw new Error('the drawing did not settle in time');
    const running = await page.evaluate('globalThis.__SN__?.layoutRunning() ?? true');
    const loading = await page.getByText('Loading…').count();
    if (!running && !loading && (await settledCount(page)) > before) break;
    // An expansion that brought nothing new has nothing to settle.
    if (!running && !loading && Date.now() - started > 5_000 && (await drawnCount(page)) === nodes)
      break;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(AFTER_FIT_MS);
}

async function clickNode(page: Page, key: string): Promise<void> {
  const at = await page.evaluate<{ x: number; y: number } | null>(
    `globalThis.__SN__?.nodePosition(${JSON.stringify(key)}) ?? null`,
  );
  const box = await page.getByTestId('network').boundingBox();
  if (!at || !box) throw new Error(`node ${key} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y);
}

async function openViewMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('views-tool');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

async function closeMenus(page: Page): Promise<void> {
  await page.evaluate(
    `for (const d of document.querySelectorAll('details[open]')) d.removeAttribute('open')`,
  );
}

export type StepOptions = { region: string; queryLimit: number; timeout: number };
export type StepResult = { name: string; picture: Snapshot; shiftPx?: number };

/** A Cypher query whose result holds `limit` nodes and the relationships among them. */
export const cypherResultQuery = (limit: number): string =>
  `MATCH (n) WITH n ORDER BY elementId(n) LIMIT ${limit} WITH collect(n) AS ns ` +
  'RETURN ns, COLLECT { MATCH (a)-[r]->(b) WHERE a IN ns AND b IN ns RETURN r } AS rels';

/** Runs every step in order, calling `after` with each step's settled picture. */
export async function runLayoutSteps(
  page: Page,
  options: StepOptions,
  after: (result: StepResult) => Promise<void>,
): Promise<void> {
  const { timeout } = options;
  const step = async (name: string, action: () => Promise<unknown>): Promise<Snapshot> => {
    await settleAfter(page, action, timeout);
    const picture = await snapshot(page);
    await after({ name, picture });
    return picture;
  };
  await step('region load', () => page.locator(`[data-region="${options.region}"]`).click());
  await step('reset to all data', () => page.getByTestId('reset-filters').click());
  await step('recommendations mode', () =>
    page.locator('[data-mode-option="recommendations"]').click(),
  );
  const company = await page.evaluate<string | null>(
    `(globalThis.__SN__?.nodes() ?? []).find((k) => k.startsWith('COMPANY:')) ?? null`,
  );
  if (!company) throw new Error('no company is drawn');
  await step('expanding a company', async () => {
    await clickNode(page, company);
    await page.getByTestId('expand').click();
  });
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  // The view is saved here and reopened last.
  const saved = await snapshot(page);
  await openViewMenu(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const file = await download;
  const content = await readFile((await file.path()) ?? '', 'utf8');
  await closeMenus(page);

  await step('Show in network of a Cypher result', async () => {
    await page.locator('[data-tab="workbench"]').click();
    const editor = page.getByTestId('cypher-editor').locator('.cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(cypherResultQuery(options.queryLimit));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: /Show in network/ }).click();
  });

  await page.reload();
  await page.locator('[data-testid="connection"][data-status="ok"]').waitFor({ timeout });
  const started = Date.now();
  await openViewMenu(page);
  await page.getByTestId('open-view-input').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  await page.getByTestId('views-tool').getByRole('status').filter({ hasText: 'Opened' }).waitFor({
    timeout,
  });
  await closeMenus(page);
  await page.waitForTimeout(AFTER_FIT_MS);
  const reopened = await snapshot(page);
  await after({
    name: 'reopening the saved view',
    picture: { ...reopened, settleMs: Date.now() - started },
    shiftPx: largestShift(saved, reopened),
  });
}
