/**
 * The desktop app's bridge (`window.api`) for browser tests: the real renderer and its real IPC
 * client run in Chromium, and what would cross Electron's IPC is carried by Playwright instead —
 * contract operations go to the test server over HTTP, desktop operations answer as main would
 * (app info, no profiles, the save dialog recorded), and native menu commands are sent as main
 * sends them. Only the Electron transport is stood in for.
 */
import type { Page } from '@playwright/test';
import { createHttpClient } from '../../src/renderer/src/client/http-client';
import type { MenuCommandId } from '../../src/shared/commands';
import {
  CLIENT_OPERATION_NAMES,
  type Client,
  type ClientOperationName,
} from '../../src/shared/contract';
import type { AppInfo, ProfileList } from '../../src/shared/desktop';
import { AppError } from '../../src/shared/errors';
import { BRIDGE_OPERATION_NAMES } from '../../src/shared/ipc';

export type DesktopBridge = {
  /** The files the renderer asked main to save, by suggested name. */
  saved: string[];
  /** Operations the renderer invoked, in order. */
  calls: string[];
  menu: (command: MenuCommandId) => Promise<void>;
};

const isOperation = (name: string): name is ClientOperationName =>
  (CLIENT_OPERATION_NAMES as readonly string[]).includes(name);

export async function installDesktopBridge(page: Page, baseUrl: string): Promise<DesktopBridge> {
  const client: Client = createHttpClient({ baseUrl });
  const info: AppInfo = {
    name: 'Smart Network',
    version: '0.0.0-test',
    platform: 'linux',
    api_url: baseUrl,
    data_dir: '/tmp/sn-test',
    settings_file: '/tmp/sn-test/settings.json',
    log_file: null,
    database: { uri: 'bolt://127.0.0.1', database: 'neo4j', managed: true, profile_id: null },
    startup_error: null,
  };
  const profiles: ProfileList = { profiles: [], active_id: null, password_storage: 'session' };
  const bridge: DesktopBridge = {
    saved: [],
    calls: [],
    menu: (command) =>
      page.evaluate((c) => {
        for (const listener of globalThis.__snMenuListeners ?? []) listener(c);
      }, command),
  };

  await page.exposeFunction('__snInvoke', async (name: string, input: unknown) => {
    bridge.calls.push(name);
    try {
      if (isOperation(name)) {
        const call = client[name] as (input: unknown) => Promise<unknown>;
        return { ok: true, value: await call(input) };
      }
      if (name === 'getAppInfo') return { ok: true, value: info };
      if (name === 'listProfiles') return { ok: true, value: profiles };
      if (name === 'saveFile') {
        const { suggestedName } = input as { suggestedName: string };
        bridge.saved.push(suggestedName);
        return { ok: true, value: { saved: true, path: `/tmp/${suggestedName}` } };
      }
      return { ok: false, error: { code: 'INTERNAL', message: `${name} is not offered here` } };
    } catch (error) {
      const e = error instanceof AppError ? error : new AppError('INTERNAL', String(error));
      return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    }
  });

  await page.addInitScript((names: readonly string[]) => {
    const invoke = (name: string, input: unknown): unknown =>
      (globalThis as unknown as { __snInvoke: (n: string, i: unknown) => unknown }).__snInvoke(
        name,
        input,
      );
    globalThis.__snMenuListeners = [];
    const api: Record<string, unknown> = Object.fromEntries(
      names.map((name) => [name, (input: unknown) => invoke(name, input)]),
    );
    api.onGenerationProgress = () => () => undefined;
    api.onAppStatus = () => () => undefined;
    api.onMenuCommand = (listener: (command: unknown) => void) => {
      globalThis.__snMenuListeners?.push(listener);
      return () => {
        globalThis.__snMenuListeners = globalThis.__snMenuListeners?.filter((l) => l !== listener);
      };
    };
    Object.defineProperty(window, 'api', { value: api });
  }, BRIDGE_OPERATION_NAMES);

  return bridge;
}

declare global {
  var __snMenuListeners: ((command: unknown) => void)[] | undefined;
}
