/**
 * Starts the API on a host and port: refuses a non-loopback host without a token, can fall back
 * to a free port when the preferred one is taken (the desktop app), and closes cleanly (open
 * event streams and keep-alive connections included).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiApp } from './app';
import { assertBindingAllowed } from './security';
import type { ApiBackend, ApiOptions } from './types';

export type ApiServerOptions = ApiOptions & {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** When the port is taken, listen on a free one instead of failing. */
  fallbackToFreePort?: boolean;
};

export type ApiServer = { url: string; port: number; close: () => Promise<void> };

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

const urlHost = (host: string): string =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;

export async function startApiServer(
  backend: ApiBackend,
  options: ApiServerOptions,
): Promise<ApiServer> {
  assertBindingAllowed(options.host, backend.config.API_TOKEN);
  const app = createApiApp(backend, options);
  const server = createServer(app);
  // Slow clients must not hold sockets for ever; event streams send heartbeats well within this.
  server.headersTimeout = 30_000;
  server.requestTimeout = 0;
  let port: number;
  try {
    port = await listen(server, options.host, options.port);
  } catch (error) {
    const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!inUse || !options.fallbackToFreePort || options.port === 0)
      throw inUse
        ? new Error(
            `Port ${options.port} on ${options.host} is already in use: set API_PORT to a free port.`,
          )
        : error;
    port = await listen(server, options.host, 0);
    backend.logger.warn({ wanted: options.port, port }, 'API port taken; using a free port');
  }
  const url = `http://${urlHost(options.host)}:${port}`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
