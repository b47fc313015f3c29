/**
 * The desktop suite on the real Electron (the release workflow's macOS, Windows and Linux
 * runners; the binary is not available everywhere): Playwright starts the built app
 * (out/main/index.js) with its own data folder and managed database, and drives its window.
 * The native menu is clicked through Electron's Menu API, the save dialog answers from the
 * test, and invoked channels are counted in ipcMain's handler table.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { _electron } from 'playwright-core';
import type { DesktopApp } from './app';

const ROOT = join(import.meta.dirname, '../..');

type MenuItemLike = {
  label: string;
  role?: string;
  type: string;
  submenu?: { items: MenuItemLike[] };
  click: () => void;
};

export async function launchElectron(dataDir: string, query: string): Promise<DesktopApp> {
  const app = await _electron.launch({
    args: [ROOT],
    cwd: ROOT,
    env: {
      ...process.env,
      NEO4J_URI: '',
      ENVIRONMENT: 'test',
      API_PORT: '0',
      SMART_NETWORK_NEO4J_PORT: '0',
      SMART_NETWORK_DATA_DIR: dataDir,
    },
  });
  let page = await app.firstWindow();
  // The page's read-only test handle needs ?debug: the same page, reloaded with it.
  await app.evaluate(async ({ BrowserWindow }, search) => {
    const [window] = BrowserWindow.getAllWindows();
    await window?.loadURL(`app://smart-network/index.html${search}`);
  }, query);
  page = app.windows()[0] ?? page;
  await page.waitForLoadState();

  const clickMenu = (label: string): Promise<void> =>
    app.evaluate(({ Menu }, wanted) => {
      const find = (items: MenuItemLike[]): MenuItemLike | undefined => {
        for (const item of items) {
          if (item.label === wanted && !item.role && !item.submenu) return item;
          const inner = item.submenu && find(item.submenu.items);
          if (inner) return inner;
        }
        return undefined;
      };
      const menu = Menu.getApplicationMenu() as unknown as { items: MenuItemLike[] } | null;
      const item = find(menu?.items ?? []);
      if (!item) throw new Error(`No menu item ${wanted}`);
      item.click();
    }, label);

  return {
    page,
    dataDir,
    clickMenu,
    menuLabels: () =>
      app.evaluate(({ Menu }) => {
        const menu = Menu.getApplicationMenu() as unknown as { items: MenuItemLike[] } | null;
        return (menu?.items ?? []).flatMap((top) =>
          (top.submenu?.items ?? [])
            .filter((item) => item.type === 'normal' && !item.role && item.label)
            .map((item) => item.label),
        );
      }),
    answerDialogs: (files) =>
      app.evaluate(({ dialog }, answers) => {
        const state = globalThis as unknown as { snSaveRequests?: string[] };
        state.snSaveRequests ??= [];
        const queue = [...answers];
        const next = (args: unknown[]): string | null => {
          const options = args.at(-1) as { defaultPath?: string };
          state.snSaveRequests?.push(options.defaultPath ?? '');
          return queue.shift() ?? null;
        };
        dialog.showSaveDialog = (...args: unknown[]) => {
          const file = next(args);
          return Promise.resolve(
            file === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: file },
          );
        };
        dialog.showOpenDialog = (...args: unknown[]) => {
          const file = next(args);
          return Promise.resolve({ canceled: file === null, filePaths: file ? [file] : [] });
        };
      }, files),
    dialogRequests: () =>
      app.evaluate(
        () => (globalThis as unknown as { snSaveRequests?: string[] }).snSaveRequests ?? [],
      ),
    ipcCalls: () =>
      app.evaluate(({ ipcMain }) => {
        // Electron keeps invoke handlers in a map; each is wrapped once to count its calls.
        const state = globalThis as unknown as { snCalls?: string[] };
        const table = (
          ipcMain as unknown as { _invokeHandlers: Map<string, (...a: unknown[]) => unknown> }
        )._invokeHandlers;
        if (!state.snCalls) {
          state.snCalls = [];
          for (const [channel, handler] of table)
            table.set(channel, (...args: unknown[]) => {
              state.snCalls?.push(channel);
              return handler(...args);
            });
        }
        return [...state.snCalls];
      }),
    openForeignPage: async (url) => {
      const opened = app.waitForEvent('window');
      await app.evaluate(
        ({ BrowserWindow }, { target, preload }) => {
          const window = new BrowserWindow({
            show: false,
            webPreferences: { preload, sandbox: true, contextIsolation: true },
          });
          void window.loadURL(target);
        },
        { target: url, preload: join(ROOT, 'out/preload/index.cjs') },
      );
      const foreign = await opened;
      await foreign.waitForLoadState();
      return foreign;
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
