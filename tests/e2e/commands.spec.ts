/**
 * Every command of the shared table, end to end in Chromium against the real server: each of
 * its keys in the browser and the command palette (the native menu is the desktop suite's, in
 * tests/desktop). The checks of ./command-checks say what each command does.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { COMMAND_IDS, commandSpec, keysIn, type CommandId } from '../../src/shared/commands';
import { commandHint } from '../../src/renderer/src/commands/keymap';
import { formatKeys } from '../../src/shared/keys';
import { browserEnv, CHECKS, expectOverlayListsCommands, reset } from './command-checks';
import { nodeCount, openApp, snap } from './support';

/** Playwright's name for a binding (`Mod` is Control here, Meta on a Mac). */
const playwrightKeys = (keys: string): string =>
  keys === '+' ? '+' : keys.replace(/^Mod\+/, 'ControlOrMeta+');

async function open(page: Page): Promise<void> {
  await openApp(page);
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
}

// One test runs the check of every command (an edit and its undo among them): more than the
// default two minutes on a busy machine.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

test('in the browser, every key of every command runs it', async ({ page }) => {
  await open(page);
  const env = browserEnv(page);
  for (const id of COMMAND_IDS) {
    for (const keys of keysIn(id, 'web')) {
      await test.step(`${formatKeys(keys, 'other')} → ${id}`, async () => {
        await reset(page);
        await CHECKS[id](page, () => page.keyboard.press(playwrightKeys(keys)), env);
      });
    }
  }
});

test('every command runs from the palette', async ({ page }) => {
  await open(page);
  const env = browserEnv(page);
  for (const id of COMMAND_IDS.filter((c) => c !== 'command-palette')) {
    await test.step(id, async () => {
      await reset(page);
      await CHECKS[id](
        page,
        async () => {
          await page.keyboard.press('ControlOrMeta+k');
          await page.getByTestId('palette-input').fill(commandSpec(id).title);
          await expect(page.locator('#palette-list [aria-selected="true"]')).toHaveAttribute(
            'data-command',
            id,
          );
          await page.getByTestId('palette-input').press('Enter');
          await expect(page.getByTestId('palette')).toBeHidden();
        },
        env,
      );
    });
  }
});

test('the shortcuts overlay lists exactly the command table (web)', async ({ page }) => {
  await open(page);
  await page.keyboard.press('?');
  await expectOverlayListsCommands(page, 'web');
  await snap(page, 'help-overlay-web');
});

test('the palette filters fuzzily, moves with arrows, explains disabled commands', async ({
  page,
}) => {
  await open(page);
  await page.keyboard.press('ControlOrMeta+k');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  const options = page.locator('#palette-list [role="option"]');
  await expect(options).toHaveCount(COMMAND_IDS.length - 1);
  await snap(page, 'palette-all');

  await input.fill('export');
  await expect(options.first()).toHaveAttribute('data-command', /^export-/);
  await snap(page, 'palette-filtered');
  const second = await options.nth(1).getAttribute('data-command');
  await input.press('ArrowDown');
  await expect(page.locator('#palette-list [aria-selected="true"]')).toHaveAttribute(
    'data-command',
    second ?? '',
  );
  await input.press('ArrowUp');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');

  // Nothing to go forward to: listed, greyed, with the reason, and Enter does nothing.
  await input.fill('Forward');
  const forward = page.locator('#palette-list [data-command="forward"]');
  await expect(forward).toHaveAttribute('aria-disabled', 'true');
  await expect(forward).toContainText('Nothing to go forward to');
  await snap(page, 'palette-disabled');
  await input.press('Enter');
  await expect(page.getByTestId('palette')).toBeVisible();

  await input.fill('zzzzqq');
  await expect(page.getByTestId('palette')).toContainText('No command matches.');
  await input.press('Escape');
  await expect(page.getByTestId('palette')).toBeHidden();
});

test('buttons show their command’s keys from the table', async ({ page }) => {
  await open(page);
  const hint = (id: CommandId) => commandHint(id, { flavour: 'web', platform: 'other' });
  for (const [testId, id] of [
    ['fit', 'fit'],
    ['theme-toggle', 'toggle-theme'],
    ['palette-open', 'command-palette'],
    ['help-open', 'help'],
    ['undo', 'back'],
    ['redo', 'forward'],
    ['fa2-toggle', 'toggle-layout'],
    ['hide-filters', 'toggle-filters'],
  ] as const) {
    await expect(page.getByTestId(testId)).toHaveAttribute('title', hint(id));
  }
  expect(hint('back')).toBe('Back (Ctrl+[, Ctrl+Z)');
  await expect(page.getByTestId('search-input')).toHaveAttribute('placeholder', 'Search… (Ctrl+F)');
  await expect(page.getByTestId('search-input')).toHaveAttribute(
    'title',
    'Search names or ids (Ctrl+F, /)',
  );
  await expect(page.getByTestId('status-keys')).toHaveText('? shortcuts · Ctrl+K commands');
});
