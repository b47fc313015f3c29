/**
 * Connection profiles: URI, user and database in the settings file; the password encrypted with
 * the OS keychain (Electron's safeStorage, injected as a cipher so this runs under plain Node).
 * Where the OS offers no encryption, passwords are kept in memory for the session only.
 */
import { randomBytes } from 'node:crypto';
import type { ProtectionLevel } from '../../shared/api';
import type { ConnectionProfile, ProfileList, SaveProfileInput } from '../../shared/desktop';
import { AppError } from '../../shared/errors';
import type { SettingsStore, StoredProfile } from './store';

export type PasswordCipher = {
  available: () => boolean;
  encrypt: (plain: string) => Buffer;
  decrypt: (data: Buffer) => string;
};

export type ProfileCredentials = {
  uri: string;
  username: string;
  password: string;
  database: string;
  protection: ProtectionLevel;
};

export type ProfileStore = {
  list: () => ProfileList;
  save: (input: SaveProfileInput) => ConnectionProfile;
  remove: (id: string) => ProfileList;
  credentials: (id: string) => ProfileCredentials;
  activeId: () => string | null;
  setActive: (id: string | null) => void;
};

const notFound = (id: string): AppError =>
  new AppError('NOT_FOUND', `No connection profile with id ${id}.`, [
    { field: 'id', message: 'unknown profile' },
  ]);

export function createProfileStore(
  settings: SettingsStore,
  cipher: PasswordCipher,
  newId: () => string = () => randomBytes(8).toString('hex'),
): ProfileStore {
  const sessionPasswords = new Map<string, string>();

  const view = (profile: StoredProfile): ConnectionProfile => ({
    id: profile.id,
    name: profile.name,
    uri: profile.uri,
    username: profile.username,
    database: profile.database,
    protection: profile.protection,
    has_password: profile.password_encrypted !== undefined || sessionPasswords.has(profile.id),
  });

  const find = (id: string): StoredProfile => {
    const profile = settings.read().profiles.find((p) => p.id === id);
    if (!profile) throw notFound(id);
    return profile;
  };

  const list = (): ProfileList => {
    const current = settings.read();
    return {
      profiles: current.profiles.map(view),
      active_id: current.active_profile_id,
      password_storage: cipher.available() ? 'os' : 'session',
    };
  };

  const save = (input: SaveProfileInput): ConnectionProfile => {
    const existing = input.id === undefined ? undefined : find(input.id);
    const id = existing?.id ?? newId();
    let passwordEncrypted = existing?.password_encrypted;
    if (input.password !== undefined) {
      sessionPasswords.delete(id);
      passwordEncrypted = undefined;
      if (input.password !== '') {
        if (cipher.available())
          passwordEncrypted = cipher.encrypt(input.password).toString('base64');
        else sessionPasswords.set(id, input.password);
      }
    }
    const stored: StoredProfile = {
      id,
      name: input.name,
      uri: input.uri,
      username: input.username,
      database: input.database,
      protection: input.protection,
      ...(passwordEncrypted !== undefined && { password_encrypted: passwordEncrypted }),
    };
    settings.update((current) => ({
      ...current,
      profiles: existing
        ? current.profiles.map((p) => (p.id === id ? stored : p))
        : [...current.profiles, stored],
    }));
    return view(stored);
  };

  const remove = (id: string): ProfileList => {
    find(id);
    sessionPasswords.delete(id);
    settings.update((current) => ({
      ...current,
      profiles: current.profiles.filter((p) => p.id !== id),
      active_profile_id: current.active_profile_id === id ? null : current.active_profile_id,
    }));
    return list();
  };

  const credentials = (id: string): ProfileCredentials => {
    const profile = find(id);
    let password = sessionPasswords.get(id) ?? '';
    if (profile.password_encrypted !== undefined) {
      if (!cipher.available())
        throw new AppError(
          'UNPROCESSABLE',
          `The password of profile "${profile.name}" cannot be decrypted: the OS keychain is not available.`,
          [{ field: 'password', message: 'enter the password again' }],
        );
      password = cipher.decrypt(Buffer.from(profile.password_encrypted, 'base64'));
    }
    return {
      uri: profile.uri,
      username: profile.username,
      password,
      database: profile.database,
      protection: profile.protection,
    };
  };

  return {
    list,
    save,
    remove,
    credentials,
    activeId: () => settings.read().active_profile_id,
    setActive: (id) => {
      if (id !== null) find(id);
      settings.update((current) => ({ ...current, active_profile_id: id }));
    },
  };
}
