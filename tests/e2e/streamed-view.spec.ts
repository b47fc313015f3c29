/**
 * A large region streamed in: the app loads it in the compact NDJSON format and draws it chunk
 * by chunk while it arrives; the drawing progress counts against the whole the API answers, and
 * ends with every node drawn. The region is generated larger here and put back afterwards.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { GenerationJob, GraphResponse } from '../../src/shared/api';
import { nodeCount, openApp, settled, snap } from './support';

const REGION = 'EMEA';
const THROTTLE_BYTES_PER_S = 20 * 1024;

async function generate(request: APIRequestContext, data: Record<string, unknown>): Promise<void> {
  const job = (await (
    await request.post('/api/v1/graph/generate', { data: { regions: [REGION], ...data } })
  ).json()) as GenerationJob;
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(`/api/v1/graph/generate/jobs/${job.id}`)
          ).json()) as GenerationJob
        ).status,
      { timeout: 180_000 },
    )
    .toBe('succeeded');
}

type Seen = { phase: string; done: number; total: number; arriving: boolean; cancel: boolean };

test.afterAll(async ({ request }) => {
  // Back to a region of the first-start size for whatever runs next.
  await generate(request, { mode: 'replace' });
});

test('a large region streams in: drawn as it arrives, progress to the whole, every node drawn', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await generate(request, {
    mode: 'replace',
    consultants_per_region: 50,
    field_consultants_per_consultant: 3,
    companies_per_field_consultant: 4,
    seed: 14,
  });
  const graph = (await (
    await request.get(`/api/v1/graph/region/${REGION}?limit=5000`)
  ).json()) as GraphResponse;
  expect(graph.truncated).toBe(false);
  // Over the size drawn in one go (1,000 nodes): the stream is drawn in chunks.
  expect(graph.nodes.length).toBeGreaterThan(1000);

  await openApp(page);
  // Every state the drawing progress shows, as the page commits it.
  await page.evaluate(() => {
    const seen: Seen[] = [];
    (globalThis as unknown as { __seen: Seen[] }).__seen = seen;
    const record = (): void => {
      const el = document.querySelector('[data-testid="drawing-progress"]');
      if (!el) return;
      const state = {
        phase: el.getAttribute('data-phase') ?? '',
        done: Number(el.getAttribute('data-done')),
        total: Number(el.getAttribute('data-total')),
        arriving: el.getAttribute('data-arriving') === 'true',
        cancel: el.querySelector('[data-testid="cancel-load"]') !== null,
      };
      const last = seen.at(-1);
      if (JSON.stringify(last) !== JSON.stringify(state)) seen.push(state);
    };
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });

  // A slow link, so the stream takes seconds to arrive and its parts can be seen.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: THROTTLE_BYTES_PER_S,
    uploadThroughput: -1,
  });
  const streamed = page.waitForResponse(
    (r) => r.url().includes(`/graph/region/${REGION}`) && r.url().includes('format=ndjson'),
  );
  await page.locator(`[data-region="${REGION}"]`).click();
  const response = await streamed;
  expect(response.headers()['content-type']).toContain('application/x-ndjson');
  // While it arrives (seen by the observer below): its nodes are in before its relationships
  // have come; the progress counts against the whole region, with the load's cancel.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="drawing-progress"][data-arriving="true"]'),
    null,
    { timeout: 60_000, polling: 50 },
  );
  await snap(page, 'streamed-view-arriving');
  const progress = page.getByTestId('drawing-progress');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // Whole: the progress is gone, every node is drawn and the layout has settled.
  await expect(progress).toHaveCount(0, { timeout: 120_000 });
  await expect.poll(() => nodeCount(page)).toBe(graph.nodes.length);
  await settled(page);
  await snap(page, 'streamed-view-drawn');

  const seen = await page.evaluate(() => (globalThis as unknown as { __seen: Seen[] }).__seen);
  const arriving = seen.filter((s) => s.arriving);
  expect(arriving.length).toBeGreaterThan(1);
  expect(arriving.every((s) => s.cancel)).toBe(true);
  const nodes = arriving.filter((s) => s.phase === 'nodes');
  expect(nodes.every((s) => s.total === graph.nodes.length)).toBe(true);
  // Every node was in the drawing while the relationships were still arriving.
  expect(Math.max(...nodes.map((s) => s.done))).toBe(graph.nodes.length);
  const relationships = seen.filter((s) => s.phase === 'relationships');
  expect(relationships.length).toBeGreaterThan(0);
  expect(relationships.every((s) => s.total === graph.relationships.length)).toBe(true);
  // The footer and the details read the whole graph as the API answered it.
  await expect(page.getByTestId('truncated')).toHaveCount(0);
});
