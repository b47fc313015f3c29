/**
 * The readable network end to end, on the first-start sample data: after each analyst step
 * (region load, reset to all data, recommendations mode, expanding a company, Show in network
 * of a Cypher result, reopening a saved view) no drawn labels overlap, at most 1% of nodes are
 * stacked or off the canvas, overlapping node pairs are no more than plain ForceAtlas2 from
 * random positions plus noverlap on the same graph, and the reopened view is within 1 px of
 * the saved picture. Screenshots of each state go to test-results/.
 */
import { expect, test } from '@playwright/test';
import { baseline } from '../../scripts/bench/layout-baseline';
import { measure } from '../../scripts/bench/layout-picture';
import { runLayoutSteps } from '../../scripts/bench/layout-steps';
import { openApp } from './support';

test('every step leaves a readable picture', async ({ page }) => {
  test.setTimeout(300_000);
  await openApp(page);
  let index = 0;
  await runLayoutSteps(page, { region: 'NAI', queryLimit: 200, timeout: 90_000 }, async (step) => {
    index++;
    const slug = step.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    await page.screenshot({ path: `test-results/layout-${index}-${slug}.png` });
    const m = measure(step.picture);
    const base = baseline(step.picture).measures;
    const summary = { step: step.name, ...m, baselinePairs: base.overlappingPairs };
    console.log(JSON.stringify(summary));
    expect(m.nodes, step.name).toBeGreaterThan(0);
    expect(m.overlappingLabels, `${step.name}: overlapping labels`).toBe(0);
    expect(m.stackedShare, `${step.name}: stacked share`).toBeLessThanOrEqual(0.01);
    expect(m.offCanvasShare, `${step.name}: off-canvas share`).toBeLessThanOrEqual(0.01);
    expect(m.overlappingPairs, `${step.name}: overlapping pairs`).toBeLessThanOrEqual(
      base.overlappingPairs,
    );
    if (step.shiftPx !== undefined) expect(step.shiftPx, 'reopened view').toBeLessThanOrEqual(1);
  });
  expect(index).toBe(6);
});
