/**
 * The client a request comes from, for the length of one handler call. The REST router, the IPC
 * adapter and the CLI set it around each call; services read it with `currentClient()` (the
 * audit log records it). It holds who is asking, never a token or a password, and whether they
 * still wait for the answer (a read given up is stopped in the database: services/graph/read).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditClient } from '../../shared/audit';

export type RequestClient = {
  client: AuditClient;
  /** The HTTP User-Agent, shortened. */
  user_agent?: string;
  /** The remote address of an HTTP caller. */
  remote?: string;
  /** Aborted when the caller stops waiting (an HTTP client that closed its connection). */
  signal?: AbortSignal;
};

const storage = new AsyncLocalStorage<RequestClient>();

const USER_AGENT_MAX = 200;

/** Runs `fn` with `client` as the current client (for everything it awaits, too). */
export function withClient<T>(client: RequestClient, fn: () => T): T {
  const user_agent = client.user_agent?.slice(0, USER_AGENT_MAX);
  return storage.run({ ...client, ...(user_agent !== undefined && { user_agent }) }, fn);
}

/** The client of the call in progress; `internal` outside any. */
export function currentClient(): RequestClient {
  return storage.getStore() ?? { client: 'internal' };
}
