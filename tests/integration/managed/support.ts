/**
 * For the tests of the managed Neo4j itself: temporary data folders, the shared artifact cache,
 * small memory settings, and a foreign listener that records whoever connects to it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveAppPaths } from '../../../src/main/config/paths';

export const cacheDir = resolveAppPaths({
  SMART_NETWORK_CACHE_DIR: process.env.SMART_NETWORK_CACHE_DIR,
}).cacheDir;

/** Enough for the tests' small graphs; several instances run side by side on a shared machine. */
export const SMALL = { heapMax: '512m', pageCache: '128m' } as const;

export function tempDirs(): { make: (name: string) => string; removeAll: () => void } {
  const dirs: string[] = [];
  return {
    make: (name) => {
      const dir = mkdtempSync(join(tmpdir(), `smart-network-${name}-`));
      dirs.push(dir);
      return dir;
    },
    removeAll: () => {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain TCP server on a port: what it received tells whether anyone talked to it. */
export type ForeignListener = {
  port: number;
  connections: () => number;
  bytes: () => number;
  close: () => Promise<void>;
};

export function foreignListener(port: number): Promise<ForeignListener> {
  let connections = 0;
  let bytes = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('data', (chunk) => (bytes += chunk.length));
    socket.on('error', () => undefined);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () =>
      resolve({
        port,
        connections: () => connections,
        bytes: () => bytes,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      }),
    );
  });
}
