import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProfileStore, type PasswordCipher } from '../../../../src/main/settings/profiles';
import { createSettingsStore, settingsPath } from '../../../../src/main/settings/store';
import {
  readWindowPlacement,
  saveWindowPlacement,
} from '../../../../src/main/settings/window-state';
import { SaveProfileInput } from '../../../../src/shared/desktop';

/** Stands in for the OS keychain: reversible, and never the plain text. */
function fakeCipher(available = true): PasswordCipher {
  return {
    available: () => available,
    encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
    decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
  };
}

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn-settings-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const input = (fields: Record<string, unknown>) => SaveProfileInput.parse(fields);

let ids = 0;
const newId = () => `id${++ids}`;

describe('connection profiles', () => {
  it('stores profiles with the password encrypted, never in plain text', () => {
    const dataDir = tempDataDir();
    const store = createProfileStore(
      createSettingsStore(settingsPath(dataDir)),
      fakeCipher(),
      newId,
    );
    const saved = store.save(
      input({ name: 'Aura', uri: 'neo4j+s://abc.databases.neo4j.io', password: 'Tr0ub4dor&3' }),
    );
    expect(saved).toMatchObject({
      name: 'Aura',
      username: 'neo4j',
      database: 'neo4j',
      has_password: true,
    });
    const file = readFileSync(settingsPath(dataDir), 'utf8');
    expect(file).not.toContain('Tr0ub4dor&3');
    expect(file).toContain('password_encrypted');
    expect(store.credentials(saved.id)).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      username: 'neo4j',
      password: 'Tr0ub4dor&3',
      database: 'neo4j',
      protection: 'confirm',
    });
  });

  it('asks to confirm each write on a new profile and keeps the level chosen', () => {
    const store = createProfileStore(
      createSettingsStore(settingsPath(tempDataDir())),
      fakeCipher(),
      newId,
    );
    const saved = store.save(input({ name: 'Team', uri: 'bolt://team:7687' }));
    expect(saved.protection).toBe('confirm');
    const readOnly = store.save(
      input({ id: saved.id, name: 'Team', uri: 'bolt://team:7687', protection: 'read-only' }),
    );
    expect(readOnly.protection).toBe('read-only');
    expect(store.credentials(saved.id).protection).toBe('read-only');
    expect(() => input({ name: 'X', uri: 'bolt://x:7687', protection: 'careful' })).toThrow();
  });

  it('reads what an earlier session saved', () => {
    const dataDir = tempDataDir();
    const first = createProfileStore(
      createSettingsStore(settingsPath(dataDir)),
      fakeCipher(),
      newId,
    );
    const saved = first.save(
      input({ name: 'Local', uri: 'bolt://localhost:7687', password: 'pw' }),
    );
    first.setActive(saved.id);
    const second = createProfileStore(createSettingsStore(settingsPath(dataDir)), fakeCipher());
    expect(second.list()).toEqual({
      profiles: [saved],
      active_id: saved.id,
      password_storage: 'os',
    });
    expect(second.credentials(saved.id).password).toBe('pw');
  });

  it('keeps, replaces or removes the password on update', () => {
    const store = createProfileStore(
      createSettingsStore(settingsPath(tempDataDir())),
      fakeCipher(),
      newId,
    );
    const { id } = store.save(input({ name: 'A', uri: 'bolt://a:7687', password: 'one' }));
    store.save(input({ id, name: 'A2', uri: 'bolt://a:7687' }));
    expect(store.credentials(id).password).toBe('one');
    store.save(input({ id, name: 'A2', uri: 'bolt://a:7687', password: 'two' }));
    expect(store.credentials(id).password).toBe('two');
    const cleared = store.save(input({ id, name: 'A2', uri: 'bolt://a:7687', password: '' }));
    expect(cleared.has_password).toBe(false);
    expect(store.credentials(id).password).toBe('');
    expect(store.list().profiles).toHaveLength(1);
  });

  it('keeps passwords for the session only when the OS offers no encryption', () => {
    const dataDir = tempDataDir();
    const store = createProfileStore(
      createSettingsStore(settingsPath(dataDir)),
      fakeCipher(false),
      newId,
    );
    const saved = store.save(input({ name: 'L', uri: 'bolt://l:7687', password: 'session-only' }));
    expect(store.list().password_storage).toBe('session');
    expect(saved.has_password).toBe(true);
    expect(store.credentials(saved.id).password).toBe('session-only');
    expect(readFileSync(settingsPath(dataDir), 'utf8')).not.toContain('session-only');
    const later = createProfileStore(createSettingsStore(settingsPath(dataDir)), fakeCipher(false));
    expect(later.list().profiles[0]?.has_password).toBe(false);
  });

  it('says so when a stored password cannot be decrypted any more', () => {
    const dataDir = tempDataDir();
    const saved = createProfileStore(
      createSettingsStore(settingsPath(dataDir)),
      fakeCipher(),
      newId,
    ).save(input({ name: 'K', uri: 'bolt://k:7687', password: 'pw' }));
    const locked = createProfileStore(
      createSettingsStore(settingsPath(dataDir)),
      fakeCipher(false),
    );
    expect(() => locked.credentials(saved.id)).toThrow(/cannot be decrypted/);
  });

  it('deletes profiles and forgets a deleted active profile', () => {
    const store = createProfileStore(
      createSettingsStore(settingsPath(tempDataDir())),
      fakeCipher(),
      newId,
    );
    const a = store.save(input({ name: 'A', uri: 'bolt://a:7687' }));
    const b = store.save(input({ name: 'B', uri: 'bolt://b:7687' }));
    store.setActive(a.id);
    expect(store.remove(a.id)).toMatchObject({ profiles: [b], active_id: null });
  });

  it('refuses unknown profiles with NOT_FOUND naming the id', () => {
    const store = createProfileStore(
      createSettingsStore(settingsPath(tempDataDir())),
      fakeCipher(),
    );
    for (const act of [
      () => store.remove('nope'),
      () => store.credentials('nope'),
      () => store.setActive('nope'),
      () => store.save(input({ id: 'nope', name: 'X', uri: 'bolt://x:7687' })),
    ])
      expect(act).toThrow(
        expect.objectContaining({
          code: 'NOT_FOUND',
          details: [expect.objectContaining({ field: 'id' })],
        }),
      );
  });
});

describe('settings file', () => {
  it('sets a damaged file aside and starts from defaults', () => {
    const dataDir = tempDataDir();
    writeFileSync(settingsPath(dataDir), '{"profiles": [{"id": 5}]');
    const settings = createSettingsStore(settingsPath(dataDir));
    expect(settings.read()).toEqual({ version: 1, profiles: [], active_profile_id: null });
    expect(readdirSync(dataDir).some((name) => name.startsWith('settings.json.invalid-'))).toBe(
      true,
    );
  });

  it('remembers the window placement, rounded to whole pixels', () => {
    const dataDir = tempDataDir();
    saveWindowPlacement(createSettingsStore(settingsPath(dataDir)), {
      bounds: { x: 10.4, y: 20.6, width: 1200.2, height: 800 },
      maximized: false,
    });
    expect(readWindowPlacement(createSettingsStore(settingsPath(dataDir)))).toEqual({
      bounds: { x: 10, y: 21, width: 1200, height: 800 },
      maximized: false,
    });
    expect(readdirSync(dataDir)).toEqual(['settings.json']);
  });
});
