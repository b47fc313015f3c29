/**
 * The desktop app as the desktop suite drives it, whichever carries it: the harness here (the
 * real main process under Node, the real renderer and preload in Chromium, a WebSocket for
 * Electron's IPC), or the real Electron with Playwright's Electron support
 * (`SN_DESKTOP_ELECTRON=1`, on the release workflow's runners). The tests see only this.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';
import { startHarnessMain } from './harness/main';
import { openPreloadedPage } from './harness/renderer';
import { launchElectron } from './electron';

export type DesktopApp = {
  /** The app window. */
  page: Page;
  /** The data folder the app runs with (its managed database, settings, logs). */
  dataDir: string;
  /** Clicks the item of the app's native menu with this label, as a user would. */
  clickMenu: (label: string) => Promise<void>;
  /** Labels of the native menu's own items (not Electron roles), menu by menu. */
  menuLabels: () => Promise<string[]>;
  /** The save and open dialogs answer the next requests with these files (null: cancelled). */
  answerDialogs: (files: (string | null)[]) => Promise<void>;
  /** What the dialogs were asked to suggest (a file, or a folder to open in), in order. */
  dialogRequests: () => Promise<string[]>;
  /** Channels the window invoked over IPC, in order. */
  ipcCalls: () => Promise<string[]>;
  /** A page of another origin that gets the app's preload, as a navigated or foreign frame would. */
  openForeignPage: (url: string) => Promise<Page>;
  close: () => Promise<void>;
};

const onElectron = process.env.SN_DESKTOP_ELECTRON === '1';

const APP_URL_QUERY = '?debug';

export async function launchDesktop(): Promise<DesktopApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sn-desktop-'));
  if (onElectron) return launchElectron(dataDir, APP_URL_QUERY);
  const main = await startHarnessMain(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const answers: (string | null)[] = [];
  main.dialog.answer = () => answers.shift() ?? null;
  // As index.ts does: the window opens, and the backend starts while it loads.
  const window = openPreloadedPage(
    context,
    `${main.origin}/index.html${APP_URL_QUERY}`,
    main.socket(main.windowContents),
  );
  void main.shell.runtime.start();
  const page = await window;

  type Item = { label?: string; role?: string; click?: unknown; submenu?: unknown };
  const items = (): Item[] =>
    main.shell.menu.flatMap((top) => (Array.isArray(top.submenu) ? (top.submenu as Item[]) : []));
  return {
    page,
    dataDir,
    clickMenu: (label) => {
      const item = items().find((i) => i.label === label);
      if (typeof item?.click !== 'function') throw new Error(`No menu item ${label}`);
      (item.click as () => void)();
      return Promise.resolve();
    },
    menuLabels: () =>
      Promise.resolve(items().flatMap((i) => (i.label && !i.role ? [i.label] : []))),
    answerDialogs: (files) => {
      answers.splice(0, answers.length, ...files);
      return Promise.resolve();
    },
    ipcCalls: () => Promise.resolve([...main.calls]),
    dialogRequests: () => Promise.resolve(main.dialog.asked.map((o) => o.defaultPath ?? '')),
    openForeignPage: (url) =>
      // The app window's own web contents, showing a page of another origin.
      openPreloadedPage(context, url, main.socket(main.windowContents)),
    close: async () => {
      await browser.close();
      await main.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
