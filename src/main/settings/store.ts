/**
 * The settings file (`settings.json` in the user data folder): connection profiles and the
 * window's placement. Read with zod (a damaged file is set aside, not trusted), written
 * atomically so a crash never leaves half a file.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ProtectionLevel } from '../../shared/api';

export const StoredProfile = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().min(1).max(100),
  uri: z.string().min(1),
  username: z.string().min(1),
  database: z.string().min(1),
  protection: ProtectionLevel.default('confirm'),
  /** Base64 of the OS-encrypted password; never the password itself. */
  password_encrypted: z.string().optional(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;

const Rectangle = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});

const SettingsFile = z.object({
  version: z.literal(1).default(1),
  profiles: z.array(StoredProfile).default([]),
  active_profile_id: z.string().nullable().default(null),
  window: z.object({ bounds: Rectangle, maximized: z.boolean() }).optional(),
});
export type Settings = z.infer<typeof SettingsFile>;

const SETTINGS_FILE_NAME = 'settings.json';
export const settingsPath = (dataDir: string): string => join(dataDir, SETTINGS_FILE_NAME);

export type SettingsStore = {
  file: string;
  read: () => Settings;
  update: (change: (current: Settings) => Settings) => Settings;
};

export function createSettingsStore(file: string): SettingsStore {
  let cached: Settings | undefined;

  const load = (): Settings => {
    if (!existsSync(file)) return SettingsFile.parse({});
    try {
      const parsed = SettingsFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (parsed.success) return parsed.data;
    } catch {
      // Unreadable JSON is handled like invalid content below.
    }
    // Keep the damaged file for inspection and start from defaults.
    renameSync(file, `${file}.invalid-${Date.now()}`);
    return SettingsFile.parse({});
  };

  const write = (settings: Settings): void => {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  };

  return {
    file,
    read: () => (cached ??= load()),
    update: (change) => {
      const next = SettingsFile.parse(change(cached ?? load()));
      write(next);
      cached = next;
      return next;
    },
  };
}
