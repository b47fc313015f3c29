/**
 * The main side of the harness: the app's real desktop main process (createDesktopShell: the
 * runtime with its backend and REST API, the IPC handlers, the profile store, the save-file
 * handler, the menu template) under Node, with stand-ins only for Electron's transport —
 * `ipcMain` (the in-memory pair of the unit tests, fed from a WebSocket on 127.0.0.1), the
 * window's web contents (one per socket's `contents` id), the save dialog and the keychain.
 * The renderer is served as the app serves it: through the app's protocol handler, with its
 * content security policy.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { parseConfig } from '../../../src/main/config/env';
import { resolveAppPaths } from '../../../src/main/config/paths';
import type { OpenDialogOptions } from '../../../src/main/desktop/open-file';
import type { SaveDialogOptions } from '../../../src/main/desktop/save-file';
import { createDesktopLogger } from '../../../src/main/desktop/logging';
import { createDesktopShell, type DesktopShell } from '../../../src/main/desktop/shell';
import type { PasswordCipher } from '../../../src/main/settings/profiles';
import { createSettingsStore, settingsPath } from '../../../src/main/settings/store';
import { registerAppProtocol } from '../../../src/main/window/protocol';
import { APP_ORIGIN, contentSecurityPolicy } from '../../../src/main/window/security';
import { originOf } from '../../../src/main/ipc/sender';
import { memoryIpc, type MemoryWebContents } from '../../support/memory-ipc';
import { decode, encode, type ToPage } from './wire';

const RENDERER_DIR = join(import.meta.dirname, '../../../out/renderer');

/** A keychain that encrypts for real (AES-GCM with a key of this run), as safeStorage does. */
function standInCipher(): PasswordCipher {
  const key = randomBytes(32);
  return {
    available: () => true,
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString();
    },
  };
}

/** A web contents whose renderer is every socket opened with its id. */
type SocketContents = MemoryWebContents & { sockets: Set<WebSocket> };

function socketContents(id: number): SocketContents {
  const sockets = new Set<WebSocket>();
  const onDestroyed: (() => void)[] = [];
  let destroyed = false;
  return {
    id,
    sockets,
    listeners: new Map(),
    send: (channel, ...args) => {
      const text = encode({ t: 'event', channel, args });
      for (const socket of sockets) socket.send(text);
    },
    isDestroyed: () => destroyed,
    once: (_event, listener) => onDestroyed.push(listener),
    destroy: () => {
      destroyed = true;
      for (const listener of onDestroyed.splice(0)) listener();
    },
  };
}

export type HarnessMain = {
  /** Where the app's page is served (stands in for app://smart-network). */
  origin: string;
  /** The WebSocket address a page's preload connects to, for a web contents id. */
  socket: (contents: number) => string;
  /** The app window's web contents id (its BrowserWindow's). */
  windowContents: number;
  shell: DesktopShell;
  /** The save and open dialogs: what they were asked, and the file each answers (null: cancelled). */
  dialog: {
    asked: (SaveDialogOptions | OpenDialogOptions)[];
    answer: (options: SaveDialogOptions | OpenDialogOptions) => string | null;
  };
  /** Main's log file. */
  logFile: string;
  /** Channels the renderer invoked, in order. */
  calls: string[];
  close: () => Promise<void>;
};

export async function startHarnessMain(dataDir: string): Promise<HarnessMain> {
  const config = parseConfig({
    ...process.env,
    // The run's own managed database, whatever a developer's .env names.
    NEO4J_URI: '',
    ENVIRONMENT: 'test',
    LOG_LEVEL: 'info',
    API_HOST: '127.0.0.1',
    API_PORT: '0',
    SMART_NETWORK_NEO4J_PORT: '0',
    SMART_NETWORK_DATA_DIR: dataDir,
  });
  const paths = resolveAppPaths(config);
  const { logger, file: logFile } = createDesktopLogger(config, paths.dataDir, undefined);
  const ipc = memoryIpc();
  const contents = new Map<number, SocketContents>();
  const windowContents = 1;
  contents.set(windowContents, socketContents(windowContents));
  const dialog: HarnessMain['dialog'] = { asked: [], answer: () => null };
  const calls: string[] = [];

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const shell = createDesktopShell({
    config,
    paths,
    logger,
    settings: createSettingsStore(settingsPath(paths.dataDir)),
    logFile,
    app: { name: 'Smart Network', version: '0.0.0-harness', platform: 'linux', development: false },
    cipher: standInCipher(),
    ipcMain: ipc.ipcMain,
    appOrigins: [origin],
    contents: () => contents.get(windowContents),
    showSaveDialog: (options) => {
      dialog.asked.push(options);
      const filePath = dialog.answer(options);
      return Promise.resolve(
        filePath === null ? { canceled: true } : { canceled: false, filePath },
      );
    },
    showOpenDialog: (options) => {
      dialog.asked.push(options);
      const filePath = dialog.answer(options);
      return Promise.resolve({
        canceled: filePath === null,
        filePaths: filePath ? [filePath] : [],
      });
    },
    downloadsFolder: () => join(dataDir, 'Downloads'),
    openExternal: () => undefined,
    openPath: () => undefined,
  });

  // The app's own protocol handler answers every page request, as for app://smart-network.
  let serveAsset: ((request: Request) => Promise<Response>) | undefined;
  const csp = (): string => {
    const api = shell.runtime.info().api_url;
    return contentSecurityPolicy(api ? { apiOrigin: originOf(api) } : {});
  };
  registerAppProtocol(
    { handle: (_scheme, handler) => void (serveAsset = handler as typeof serveAsset) },
    RENDERER_DIR,
    csp,
    (file) => readFile(file),
  );
  server.on('request', (req, res) => {
    void (async () => {
      const answer = await serveAsset!(new Request(`${APP_ORIGIN}${req.url ?? '/'}`));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });

  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket, head) => {
    sockets.handleUpgrade(req, socket, head, (ws) => connect(ws, req));
  });
  const connect = (ws: WebSocket, req: IncomingMessage): void => {
    const id = Number(new URL(req.url ?? '/', origin).searchParams.get('contents'));
    const target = contents.get(id) ?? socketContents(id);
    contents.set(id, target);
    target.sockets.add(ws);
    // The browser names the page's origin; the page cannot choose it.
    const frame = { url: `${req.headers.origin ?? 'null'}/index.html`, parent: null };
    const renderer = ipc.renderer(target, frame);
    ws.on('close', () => target.sockets.delete(ws));
    ws.on('message', (data: Buffer) => {
      const message = decode(data.toString('utf8'));
      if (message.t === 'send') return renderer.send(message.channel, ...message.args);
      calls.push(message.channel);
      renderer.invoke(message.channel, ...message.args).then(
        (value) => ws.send(encode({ t: 'reply', n: message.n, value } satisfies ToPage)),
        (error: unknown) =>
          ws.send(encode({ t: 'reject', n: message.n, message: String(error) } satisfies ToPage)),
      );
    });
  };

  return {
    origin,
    socket: (id) => `${origin.replace(/^http/, 'ws')}/ipc?contents=${id}`,
    windowContents,
    shell,
    dialog,
    logFile,
    calls,
    close: async () => {
      for (const target of contents.values()) target.destroy();
      shell.disposeIpc();
      await shell.runtime.close();
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
