/**
 * The desktop transport over a real backend: the main side's IPC handlers registered on the
 * in-memory IPC pair and the preload bridge on the other side, as in the app's window (only
 * Electron's transport is stood in for). `call` goes through the renderer's own bridge client,
 * so an error envelope becomes an AppError with its code and details.
 */
import type { Backend } from '../../../src/main/backend';
import type { DesktopHandlers } from '../../../src/main/desktop/types';
import { registerIpc } from '../../../src/main/ipc/register';
import { createBridge } from '../../../src/preload/bridge';
import { createIpcClient } from '../../../src/renderer/src/client/ipc-client';
import {
  type OperationInput,
  type ClientOperationName,
  type OperationOutput,
} from '../../../src/shared/contract';
import { memoryIpc, memoryWebContents } from '../../support/memory-ipc';

const APP_ORIGIN = 'app://smart-network';

export type IpcCall = <N extends ClientOperationName>(
  name: N,
  input: OperationInput<N>,
) => Promise<OperationOutput<N>>;

/** The desktop operations are not part of these tests. */
const refuse = (): Promise<never> => Promise.reject(new Error('not offered in this test'));
const desktop = {
  getAppInfo: refuse,
  listProfiles: refuse,
  saveProfile: refuse,
  deleteProfile: refuse,
  testConnection: refuse,
  activateProfile: refuse,
  saveFile: refuse,
  chooseImportFiles: refuse,
  startChosenImport: refuse,
  openFile: refuse,
} satisfies DesktopHandlers;

export function ipcClient(backend: Backend): { call: IpcCall; dispose: () => void } {
  const ipc = memoryIpc();
  const dispose = registerIpc({
    ipcMain: ipc.ipcMain,
    handlers: () => backend.handlers,
    desktop,
    generation: () => backend.generation,
    policy: { windowId: () => 1, origins: [APP_ORIGIN] },
    logger: { warn: () => undefined, error: () => undefined },
  });
  const bridge = createBridge(
    ipc.renderer(memoryWebContents(1), { url: `${APP_ORIGIN}/index.html`, parent: null }),
  );
  // The renderer's own bridge client: envelopes unwrapped, outputs parsed by the contract.
  const client = createIpcClient(bridge);
  const call: IpcCall = (name, input) =>
    (client[name] as (input: unknown) => Promise<OperationOutput<typeof name>>)(input);
  return { call, dispose };
}
