/**
 * The client as the renderer sees it: the contract every runtime offers, plus an optional
 * `desktop` capability that only the Electron bridge provides. Features ask for
 * `client.desktop` instead of looking for the bridge themselves, so the browser build and tests
 * simply leave it out.
 */
import type { Client } from '@shared/contract';
import type { AppInfo, DesktopInput, DesktopOperationName, DesktopOutput } from '@shared/desktop';
import type { MenuCommand } from '@shared/ipc';
import type { StartImportUpload } from './http-client';

export type DesktopClient = {
  [N in DesktopOperationName]: (input: DesktopInput<N>) => Promise<DesktopOutput<N>>;
} & {
  /** Commands chosen in the native menu; returns an unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** Backend start-up, failure and progress (e.g. the first download of Neo4j). */
  onAppStatus: (listener: (info: AppInfo) => void) => () => void;
};

export type AppClient = Client & {
  desktop?: DesktopClient;
  /**
   * Uploads files and starts importing them as a job (the REST API; the desktop imports through
   * its open dialog).
   */
  startImportUpload?: StartImportUpload;
};
