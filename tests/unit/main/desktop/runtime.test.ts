import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig, type Config } from '../../../../src/main/config/env';
import { createDesktopRuntime, type RuntimeOptions } from '../../../../src/main/desktop/runtime';
import type { ShellBackend } from '../../../../src/main/desktop/types';
import type { Handlers } from '../../../../src/main/services/types';
import { createProfileStore } from '../../../../src/main/settings/profiles';
import { createSettingsStore, settingsPath } from '../../../../src/main/settings/store';
import { AppError } from '../../../../src/shared/errors';
import { SaveProfileInput, type AppInfo } from '../../../../src/shared/desktop';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const health = (uri: string, managed: boolean) => ({
  status: 'ok' as const,
  version: '0.1.0',
  uptime_s: 1,
  database: {
    reachable: true,
    uri,
    database: 'neo4j',
    managed,
    version: '5.26.0',
    edition: 'community',
    latency_ms: 1,
  },
  counts: null,
});

/** Records the lifecycle: which configs backends were built with, which ports servers took. */
function harness(options: { failBackend?: Error; failServer?: Error } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sn-runtime-'));
  dirs.push(dataDir);
  const settings = createSettingsStore(settingsPath(dataDir));
  const cipher = {
    available: () => true,
    encrypt: (s: string) => Buffer.from(s).reverse(),
    decrypt: (b: Buffer) => Buffer.from(b).reverse().toString(),
  };
  const profiles = createProfileStore(settings, cipher);
  const events: string[] = [];
  const configs: Config[] = [];
  const ports: number[] = [];
  let serial = 0;

  const createBackend: RuntimeOptions<ShellBackend>['createBackend'] = ({ config, onProgress }) => {
    configs.push(config);
    onProgress?.('Starting Neo4j 5.26.0 on 127.0.0.1:17687');
    if (options.failBackend) return Promise.reject(options.failBackend);
    const id = ++serial;
    const uri = config.NEO4J_URI ?? 'bolt://127.0.0.1:17687';
    const handlers = { health: () => Promise.resolve(health(uri, !config.NEO4J_URI)) };
    return Promise.resolve({
      // Only health is used by the runtime itself; IPC tests cover the rest of the map.
      handlers: handlers as unknown as Handlers,
      generation: { subscribe: () => () => undefined },
      close: () => {
        events.push(`backend ${id} closed`);
        return Promise.resolve();
      },
    });
  };
  const startApiServer: RuntimeOptions<ShellBackend>['startApiServer'] = (_backend, opts) => {
    if (options.failServer) return Promise.reject(options.failServer);
    ports.push(opts.port);
    const port = opts.port === 8000 ? 8001 : opts.port; // 8000 is taken: the fallback port
    events.push(`server on ${port} (fallback ${opts.fallbackToFreePort})`);
    return Promise.resolve({
      url: `http://${opts.host}:${port}`,
      port,
      close: () => {
        events.push(`server on ${port} closed`);
        return Promise.resolve();
      },
    });
  };
  const checkConnection = vi.fn((_target: { password: string }) =>
    Promise.resolve({ address: 'db:7687', version: '5.26.0', edition: 'enterprise', latencyMs: 3 }),
  );
  const onChange = vi.fn();
  const runtime = createDesktopRuntime({
    config: parseConfig({}),
    paths: { dataDir, cacheDir: join(dataDir, 'cache') },
    logger: pino({ level: 'silent' }),
    profiles,
    settingsFile: settings.file,
    logFile: join(dataDir, 'logs', 'smart-network.log'),
    app: { name: 'Smart Network', version: '0.1.0', platform: 'linux' },
    createBackend,
    startApiServer,
    checkConnection,
    onChange,
  });
  return { runtime, profiles, events, configs, ports, checkConnection, onChange };
}

const profileInput = SaveProfileInput.parse({
  name: 'Team',
  uri: 'neo4j+s://team.example:7687',
  username: 'analyst',
  database: 'coverage',
  password: 's3cret-pass',
});

describe('desktop runtime', () => {
  it('starts the backend and the API from the configuration', async () => {
    const { runtime, configs, ports, events, onChange } = harness();
    await runtime.start();
    expect(configs[0]?.NEO4J_URI).toBeUndefined();
    expect(ports).toEqual([8000]);
    expect(events).toEqual(['server on 8001 (fallback true)']);
    expect(runtime.info()).toMatchObject({
      api_url: 'http://127.0.0.1:8001',
      database: { uri: 'bolt://127.0.0.1:17687', managed: true, profile_id: null },
      startup_error: null,
      startup_progress: null,
    });
    expect(onChange).toHaveBeenLastCalledWith(runtime.info());
    // While it started, the backend's progress was part of the info.
    expect(onChange.mock.calls.map(([info]) => (info as AppInfo).startup_progress)).toEqual([
      null,
      'Starting Neo4j 5.26.0 on 127.0.0.1:17687',
      null,
    ]);
    await expect(runtime.handlers().health({})).resolves.toMatchObject({ status: 'ok' });
  });

  it('keeps running without a backend when it cannot start, and says why', async () => {
    const failure = new AppError('DATABASE_UNAVAILABLE', 'Java 17 or newer is needed.');
    const { runtime } = harness({ failBackend: failure });
    await expect(runtime.start()).resolves.toBeUndefined();
    expect(runtime.info()).toMatchObject({
      api_url: null,
      database: null,
      startup_error: { code: 'DATABASE_UNAVAILABLE', message: 'Java 17 or newer is needed.' },
    });
    expect(() => runtime.handlers()).toThrow(
      expect.objectContaining({
        code: 'DATABASE_UNAVAILABLE',
        message: 'Java 17 or newer is needed.',
      }),
    );
    await expect(runtime.desktop.listProfiles({})).resolves.toMatchObject({ profiles: [] });
  });

  it('does not show the text of unexpected start-up failures', async () => {
    const { runtime } = harness({ failServer: new Error('EACCES /etc/secret') });
    await runtime.start();
    expect(runtime.info().startup_error).toEqual({
      code: 'INTERNAL',
      message: 'The app could not start its backend; see its log.',
    });
  });

  it('closes the backend when its API cannot start', async () => {
    const { runtime, events } = harness({ failServer: new AppError('CONFLICT', 'Port taken') });
    await runtime.start();
    expect(events).toEqual(['backend 1 closed']);
    expect(runtime.info().startup_error?.code).toBe('CONFLICT');
  });

  it('switches to a profile by restarting the backend and API on the same port', async () => {
    const { runtime, profiles, configs, ports, events } = harness();
    await runtime.start();
    const profile = await runtime.desktop.saveProfile(profileInput);
    const info = await runtime.desktop.activateProfile({ id: profile.id });
    expect(configs[1]).toMatchObject({
      NEO4J_URI: 'neo4j+s://team.example:7687',
      NEO4J_USERNAME: 'analyst',
      NEO4J_PASSWORD: 's3cret-pass',
      NEO4J_DATABASE: 'coverage',
      PROTECTION: 'confirm',
    });
    expect(ports).toEqual([8000, 8001]);
    expect(events).toEqual([
      'server on 8001 (fallback true)',
      'server on 8001 closed',
      'backend 1 closed',
      'server on 8001 (fallback true)',
    ]);
    expect(info.database).toMatchObject({
      uri: 'neo4j+s://team.example:7687',
      profile_id: profile.id,
    });
    expect(profiles.activeId()).toBe(profile.id);

    await runtime.desktop.activateProfile({ id: null });
    expect(configs[2]?.NEO4J_URI).toBeUndefined();
    // Without a profile (the managed database) the configured level applies: free by default.
    expect(configs[2]?.PROTECTION).toBe('free');
  });

  it('starts with the profile that was active last time', async () => {
    const { runtime, profiles, configs } = harness();
    const saved = profiles.save(profileInput);
    profiles.setActive(saved.id);
    await runtime.start();
    expect(configs[0]?.NEO4J_URI).toBe('neo4j+s://team.example:7687');
  });

  it('tests a connection with the given or the stored password', async () => {
    const { runtime, checkConnection } = harness();
    const saved = await runtime.desktop.saveProfile(profileInput);
    await expect(
      runtime.desktop.testConnection({
        uri: saved.uri,
        username: 'analyst',
        database: 'coverage',
        profile_id: saved.id,
      }),
    ).resolves.toEqual({
      address: 'db:7687',
      version: '5.26.0',
      edition: 'enterprise',
      latency_ms: 3,
    });
    await runtime.desktop.testConnection({
      uri: 'bolt://other:7687',
      username: 'neo4j',
      database: 'neo4j',
      password: 'typed',
    });
    expect(checkConnection.mock.calls.map(([target]) => target.password)).toEqual([
      's3cret-pass',
      'typed',
    ]);
  });

  it('closes the API before the backend on shutdown', async () => {
    const { runtime, events } = harness();
    await runtime.start();
    await runtime.close();
    expect(events.slice(-2)).toEqual(['server on 8001 closed', 'backend 1 closed']);
    expect(runtime.info().api_url).toBeNull();
  });
});
