/**
 * The docs pages in a real browser (Debian's Chromium) against a running API server, with every
 * request to anything but 127.0.0.1 refused: Swagger UI and ReDoc must render the API's
 * operations from the installed packages alone, with no content-security-policy violation and no
 * console error.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium';
import { startApiServer, type ApiServer } from '../../../src/main/api/server';
import { contract } from '../../../src/shared/contract';
import { harness, type Harness } from '../api/harness';

let h: Harness;
let server: ApiServer;
let browser: Browser;

beforeAll(async () => {
  h = harness({}, { regions: 1 });
  server = await startApiServer(h.backend, { host: '127.0.0.1', port: 0 });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await h.close();
});

type Problems = { console: string[]; csp: string[]; external: string[] };

/** A page that may reach only 127.0.0.1, and a record of what went wrong on it. */
async function openPage(): Promise<{ page: Page; problems: Problems }> {
  const context = await browser.newContext();
  const problems: Problems = { console: [], csp: [], external: [] };
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:')
      return route.continue();
    problems.external.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.exposeFunction('reportCspViolation', (text: string) => problems.csp.push(text));
  // Page code (this project's Node typings have no DOM), run before the page's own scripts.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      window.reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
    });`,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.console.push(message.text());
  });
  page.on('pageerror', (error) => problems.console.push(error.message));
  return { page, problems };
}

describe('docs pages in Chromium, offline', () => {
  it('Swagger UI at /docs lists the operations', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/docs`);
    const region = page.locator('.opblock-summary-path[data-path="/api/v1/graph/region/{region}"]');
    await region.first().waitFor({ timeout: 60_000 });
    expect((await region.first().innerText()).replace(/\u200b/g, '')).toBe(
      '/api/v1/graph/region/{region}',
    );
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(15);
    await expect
      .poll(() => page.locator('.opblock-summary-description').allInnerTexts())
      .toContain(contract.getRegionGraph.summary);
    expect(problems).toEqual({ console: [], csp: [], external: [] });
    await page.context().close();
  });

  it('ReDoc at /redoc shows the operations', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.url}/redoc`);
    const title = page.getByRole('heading', { name: contract.getRegionGraph.summary });
    await title.first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('heading', { name: contract.getStats.summary }).count()).toBe(1);
    // The path appears in the operation's endpoint panel.
    await expect
      .poll(() => page.getByText('/api/v1/graph/region/{region}').count())
      .toBeGreaterThan(0);
    expect(problems).toEqual({ console: [], csp: [], external: [] });
    await page.context().close();
  });
});
