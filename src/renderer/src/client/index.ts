/**
 * Picks the app's one client: the desktop preload's bridge (`window.api`) when it is there,
 * otherwise the REST API of the server that served this page. This is the only place that
 * looks at `window.api`; desktop-only features use the client's `desktop` capability.
 */
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';
import type { AppClient } from './types';

export function createClient(): AppClient {
  // The desktop bridge answers with result envelopes; the IPC client turns them into a Client.
  if (window.api) return createIpcClient(window.api);
  return createHttpClient({ baseUrl: '' });
}
