/**
 * What each command of the shared table does, as one check per command: the browser tests run
 * it for every key and the palette, the desktop suite for every native menu item. A check gets
 * a trigger (how the command is reached) and an environment (where files and requests go).
 */
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import {
  COMMAND_IDS,
  commandSpec,
  keysIn,
  type CommandId,
  type Flavour,
} from '../../src/shared/commands';
import { formatKeys } from '../../src/shared/keys';
import { contract, type OperationName } from '../../src/shared/contract';
import { clickNode, nodeCount, settled } from './support';

type Trigger = () => Promise<void>;

/** What differs between the browser and the desktop app: where files and requests go. */
export type Env = {
  /** A file is asked for (the page's file chooser, or the desktop's open dialog). */
  opens: (trigger: Trigger) => Promise<void>;
  saves: (trigger: Trigger, name: RegExp) => Promise<void>;
  fetches: (trigger: Trigger, operation: OperationName) => Promise<void>;
};

export type Check = (page: Page, trigger: Trigger, env: Env) => Promise<void>;

export const browserEnv = (page: Page): Env => ({
  opens: async (trigger) => {
    const chooser = page.waitForEvent('filechooser');
    await trigger();
    expect((await chooser).isMultiple()).toBe(false);
  },
  saves: async (trigger, name) => {
    const download = page.waitForEvent('download');
    await trigger();
    expect((await download).suggestedFilename()).toMatch(name);
  },
  fetches: async (trigger, operation) => {
    const path = contract[operation].http.path;
    const request = page.waitForRequest((r) => new URL(r.url()).pathname === path);
    await trigger();
    await request;
  },
});

const ratio = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.camera()?.ratio ?? Number.NaN);

const settledCount = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.settledCount() ?? -1);

/** Nodes (of `keys`, or all) whose disc is not inside the canvas's free area, 1 px tolerance. */
const nodesOutsideFreeArea = (page: Page, keys?: string[]): Promise<number> =>
  page.evaluate((only) => {
    const sn = globalThis.__SN__;
    if (!sn) return -1;
    const { free } = sn.canvas();
    return sn
      .nodeBoxes()
      .filter((n) => !only || only.includes(n.key))
      .filter(
        (n) =>
          n.x - n.size < free.left - 17 ||
          n.x + n.size > free.right + 17 ||
          n.y - n.size < free.top - 17 ||
          n.y + n.size > free.bottom + 17,
      ).length;
  }, keys);

const regionDrawn = (page: Page, region: string): Promise<boolean> =>
  page.evaluate((r) => (globalThis.__SN__?.nodes() ?? []).some((k) => k.includes(`${r}-`)), region);

/** Draws one region, then another: one step to go back to. */
async function twoSteps(page: Page): Promise<void> {
  for (const region of ['NAI', 'EMEA']) {
    await page.locator(`[data-region="${region}"]`).click();
    await expect.poll(() => regionDrawn(page, region)).toBe(true);
  }
  await blur(page);
}

const blur = (page: Page): Promise<void> =>
  page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });

const tab = (id: string): Check => {
  return async (page, trigger) => {
    const other = id === 'statistics' ? 'workbench' : 'statistics';
    await page.locator(`[data-tab="${other}"]`).click();
    await blur(page);
    await trigger();
    await expect(page.locator(`[data-tab="${id}"]`)).toHaveAttribute('aria-selected', 'true');
  };
};

const mode = (id: 'standard' | 'recommendations'): Check => {
  return async (page, trigger) => {
    const other = id === 'standard' ? 'recommendations' : 'standard';
    await page.locator(`[data-mode-option="${other}"]`).click();
    await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', other);
    await blur(page);
    await trigger();
    await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', id);
  };
};

const dialog = (testId: string): Check => {
  return async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId(testId)).toBeVisible();
  };
};

const metricsCompleted = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.metrics().completed ?? -1);

const drawn = (page: Page, key: string): Promise<boolean> =>
  page.evaluate((k) => (globalThis.__SN__?.nodes() ?? []).includes(k), key);

const groupCount = (page: Page): Promise<number> =>
  page.evaluate(
    () => (globalThis.__SN__?.nodes() ?? []).filter((k) => k.startsWith('group:')).length,
  );

const groupedBy = (property: string): Check => {
  return async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId('group-by')).toHaveValue(property);
    await expect
      .poll(() =>
        page.evaluate(
          (p) => (globalThis.__SN__?.nodes() ?? []).some((k) => k.startsWith(`group:${p}=`)),
          property,
        ),
      )
      .toBe(true);
  };
};

/** Edits a drawn company's PCA in the details panel; returns the value it had. */
async function editACompany(page: Page): Promise<string> {
  await settled(page);
  const key = await page.evaluate(
    () => globalThis.__SN__?.nodes().find((k) => k.startsWith('COMPANY:')) ?? null,
  );
  if (!key) throw new Error('no company drawn');
  await clickNode(page, key);
  await page.getByTestId('edit-node').click();
  const form = page.getByTestId('node-edit-form');
  const before = await form.locator('[name="pca"]').inputValue();
  await form.locator('[name="pca"]').fill(`${before} (edited)`);
  await form.getByTestId('edit-save').click();
  await expect(page.getByTestId('node-details').locator('[data-prop="pca"] dd')).toHaveText(
    `${before} (edited)`,
  );
  await blur(page);
  return before;
}

export const CHECKS: { [Id in CommandId]: Check } = {
  'open-view': async (page, trigger, env) => {
    await env.opens(trigger);
    await expect(page.getByTestId('views-tool')).toHaveAttribute('open', '');
  },
  'save-view': (_page, trigger, env) => env.saves(trigger, /view.*\.json$/),
  'export-png': (_page, trigger, env) => env.saves(trigger, /\.png$/),
  'export-graph': async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId('export-tool')).toHaveAttribute('open', '');
    await expect(page.locator('[data-export="gexf"]')).toBeVisible();
  },
  'export-table': (_page, trigger, env) => env.saves(trigger, /\.xlsx$/),
  'show-connection': dialog('connection-panel'),
  refresh: (_page, trigger, env) => env.fetches(trigger, 'getStats'),
  generate: dialog('generate-dialog'),
  clear: dialog('clear-dialog'),
  'create-node': dialog('create-node-dialog'),
  'undo-edit': async (page, trigger) => {
    const before = await editACompany(page);
    await trigger();
    await expect(page.getByTestId('edit-notice')).toContainText('Undid');
    await expect(page.getByTestId('node-details').locator('[data-prop="pca"] dd')).toHaveText(
      before,
    );
  },
  'show-network': tab('explore'),
  'show-console': tab('workbench'),
  'show-statistics': tab('statistics'),
  'stop-query': async (page, trigger) => {
    await page.locator('[data-tab="workbench"]').click();
    await page.getByTestId('cypher-editor').locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText('UNWIND range(1, 100000000) AS x RETURN count(x) AS n');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('stop-query')).toBeEnabled();
    await blur(page);
    await trigger();
    await expect(page.getByTestId('query-error')).toContainText('stopped');
  },
  'mode-standard': mode('standard'),
  'mode-recommendations': mode('recommendations'),
  'toggle-mode': async (page, trigger) => {
    await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', 'standard');
    await trigger();
    await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', 'recommendations');
  },
  search: async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId('search-input')).toBeFocused();
  },
  back: async (page, trigger) => {
    await twoSteps(page);
    await trigger();
    await expect.poll(() => regionDrawn(page, 'EMEA')).toBe(false);
    expect(await regionDrawn(page, 'NAI')).toBe(true);
  },
  forward: async (page, trigger) => {
    await twoSteps(page);
    await page.getByTestId('undo').click();
    await expect.poll(() => regionDrawn(page, 'EMEA')).toBe(false);
    await blur(page);
    await trigger();
    await expect.poll(() => regionDrawn(page, 'EMEA')).toBe(true);
  },
  'toggle-filters': async (page, trigger) => {
    await expect(page.getByTestId('filters')).toBeVisible();
    await trigger();
    await expect(page.getByTestId('filters')).toBeHidden();
    await expect(page.getByTestId('show-filters')).toBeVisible();
  },
  'toggle-theme': async (page, trigger) => {
    const before = await page.locator('html').getAttribute('data-theme');
    await trigger();
    await expect(page.locator('html')).toHaveAttribute(
      'data-theme',
      before === 'dark' ? 'light' : 'dark',
    );
  },
  'command-palette': async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId('palette')).toBeVisible();
    await expect(page.getByTestId('palette-input')).toBeFocused();
  },
  fit: async (page, trigger) => {
    const box = await page.getByTestId('network').boundingBox();
    if (!box) throw new Error('no network');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -600);
    await expect.poll(() => ratio(page)).toBeLessThan(0.8);
    await trigger();
    await expect.poll(() => nodesOutsideFreeArea(page)).toBe(0);
  },
  'fit-selection': async (page, trigger) => {
    await settled(page);
    const key = await page.evaluate(() => globalThis.__SN__?.nodes()[0] ?? null);
    if (!key) throw new Error('nothing drawn');
    await clickNode(page, key);
    await expect(page.getByTestId('node-details')).toBeVisible();
    const before = await ratio(page);
    await blur(page);
    await trigger();
    await expect.poll(() => ratio(page)).toBeLessThan(before);
    await expect.poll(() => nodesOutsideFreeArea(page, [key])).toBe(0);
  },
  'paths-between-selected': async (page, trigger) => {
    await settled(page);
    // Two ends of a drawn relationship: there is a path of one between them.
    const [a, b] = await page.evaluate(() => globalThis.__SN__?.edges()[0] ?? [null, null]);
    if (!a || !b) throw new Error('nothing drawn');
    await clickNode(page, a);
    await clickNode(page, b, 'Shift');
    await expect(page.getByTestId('selection-bar')).toHaveAttribute('data-count', '2');
    await blur(page);
    await trigger();
    const dialog = page.getByTestId('paths-dialog');
    await expect(dialog.getByTestId('paths-to')).toHaveValue(b);
    await expect(dialog.getByTestId('paths-result')).toHaveAttribute('data-length', '1');
  },
  'layout-hierarchy': async (page, trigger) => {
    await settled(page);
    const before = await settledCount(page);
    await trigger();
    await expect.poll(() => settledCount(page)).toBeGreaterThan(before);
    // Layers top to bottom: every consultant above every company.
    const pos = await page.evaluate(() => globalThis.__SN__?.graphPositions() ?? {});
    const ys = (label: string): number[] =>
      Object.entries(pos)
        .filter(([k]) => k.startsWith(`${label}:`))
        .map(([, p]) => p[1]);
    expect(Math.min(...ys('CONSULTANT'))).toBeGreaterThan(Math.max(...ys('COMPANY')));
  },
  'layout-cluster': async (page, trigger) => {
    await settled(page);
    const before = await settledCount(page);
    await trigger();
    await expect.poll(() => settledCount(page)).toBeGreaterThan(before);
    await expect.poll(() => nodesOutsideFreeArea(page)).toBe(0);
  },
  'compute-metrics': async (page, trigger) => {
    const before = await metricsCompleted(page);
    await trigger();
    await expect.poll(() => metricsCompleted(page)).toBe(before + 1);
    const attributes = await page.evaluate(() => {
      const sn = globalThis.__SN__;
      const key = sn?.nodes()[0];
      return key ? sn?.nodeAttributes(key) : null;
    });
    expect(attributes).toMatchObject({
      pagerank: expect.any(Number),
      community: expect.any(Number),
      betweenness: expect.any(Number),
    });
  },
  'clear-style-rules': async (page, trigger) => {
    await page.getByTestId('style-menu').locator('summary').click();
    await page.getByTestId('style-color-property').selectOption('label');
    await expect(page.getByTestId('legend-color')).toBeVisible();
    await page.getByTestId('style-menu').locator('summary').click();
    await blur(page);
    await trigger();
    await expect(page.getByTestId('legend-color')).toHaveCount(0);
  },
  'toggle-isolated': async (page, trigger) => {
    const box = page.getByTestId('hide-isolated');
    const was = await box.isChecked();
    await trigger();
    await expect(box).toBeChecked({ checked: !was });
  },
  'zoom-in': async (page, trigger) => {
    const before = await ratio(page);
    await trigger();
    await expect.poll(() => ratio(page)).toBeLessThan(before * 0.9);
  },
  'zoom-out': async (page, trigger) => {
    const before = await ratio(page);
    await trigger();
    await expect.poll(() => ratio(page)).toBeGreaterThan(before * 1.1);
  },
  'toggle-layout': async (page, trigger) => {
    const network = page.getByTestId('network');
    await expect(network).toHaveAttribute('data-layout-running', 'false', { timeout: 60_000 });
    await trigger();
    await expect(network).toHaveAttribute('data-layout-running', 'true');
    await page.getByTestId('fa2-toggle').click();
    await expect(network).toHaveAttribute('data-layout-running', 'false');
  },
  'toggle-group': async (page, trigger) => {
    await settled(page);
    const key = await page.evaluate(
      () => globalThis.__SN__?.nodes().find((k) => k.startsWith('CONSULTANT:')) ?? null,
    );
    if (!key) throw new Error('no consultant drawn');
    await clickNode(page, key);
    await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', key);
    await blur(page);
    await trigger();
    await expect(page.getByTestId('group-details')).toHaveAttribute(
      'data-group-key',
      `group:${key}`,
    );
    await expect.poll(() => drawn(page, key)).toBe(false);
    await blur(page);
    await trigger();
    await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', key);
    await expect.poll(() => drawn(page, key)).toBe(true);
  },
  'group-by-sales-region': groupedBy('sales_region'),
  'group-by-channel': groupedBy('channel'),
  'group-by-asset-class': groupedBy('asset_class'),
  ungroup: async (page, trigger) => {
    await page.getByTestId('group-by').selectOption('channel');
    await expect.poll(() => groupCount(page)).toBeGreaterThan(0);
    await blur(page);
    await trigger();
    await expect.poll(() => groupCount(page)).toBe(0);
    await expect(page.getByTestId('group-by')).toHaveValue('');
  },
  'clear-selection': async (page, trigger) => {
    await settled(page);
    const key = await page.evaluate(() => globalThis.__SN__?.nodes()[0] ?? null);
    if (!key) throw new Error('nothing drawn');
    await clickNode(page, key);
    await expect(page.getByTestId('node-details')).toBeVisible();
    await page.getByTestId('help-open').click();
    await expect(page.getByTestId('help')).toBeVisible();
    await trigger();
    await expect(page.getByTestId('help')).toBeHidden();
    await expect(page.getByTestId('node-details')).toBeHidden();
  },
  help: async (page, trigger) => {
    await trigger();
    await expect(page.getByTestId('help')).toBeVisible();
  },
};

/** Back to a known state: Explore, standard mode, filters shown, nothing open, no focus. */
export async function reset(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details[open]')) d.removeAttribute('open');
    for (const d of document.querySelectorAll('dialog[open]'))
      d.dispatchEvent(new Event('cancel', { cancelable: true }));
  });
  if (await page.getByTestId('palette').isVisible()) {
    await page.getByTestId('palette-input').press('Escape');
  }
  if (await page.getByTestId('help').isVisible()) {
    await page.getByTestId('help').getByRole('button', { name: 'Close' }).click();
  }
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(page.getByTestId('palette')).toHaveCount(0);
  await expect(page.getByTestId('help')).toHaveCount(0);
  await page.locator('[data-tab="explore"]').click();
  if (await page.getByTestId('show-filters').isVisible())
    await page.getByTestId('show-filters').click();
  if ((await page.getByTestId('mode').getAttribute('data-mode')) !== 'standard') {
    await page.locator('[data-mode-option="standard"]').click();
  }
  await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', 'standard');
  await page.getByTestId('group-by').selectOption('');
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
  await blur(page);
}

/** The open shortcuts overlay lists every command of the table, with its keys in this flavour. */
export async function expectOverlayListsCommands(page: Page, flavour: Flavour): Promise<void> {
  const rows = page.getByTestId('help').locator('tr[data-command]');
  await expect(rows).toHaveCount(COMMAND_IDS.length);
  const listed = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-command'),
      title: tr.querySelector('td')?.textContent,
      keys: [...tr.querySelectorAll('kbd')].map((k) => k.textContent),
    })),
  );
  expect(listed).toEqual(
    COMMAND_IDS.map((id) => ({
      id,
      title: commandSpec(id).title,
      keys: keysIn(id, flavour).map((k) => formatKeys(k, 'other')),
    })),
  );
}
