/**
 * The connection panel as data: what health says about the database (never credentials), the
 * desktop's start-up state in words, and the profile form turned into validated requests.
 */
import type { HealthResponse, ProtectionLevel } from '@shared/api';
import {
  SaveProfileInput,
  TestConnectionInput,
  type AppInfo,
  type ConnectionProfile,
} from '@shared/desktop';
import { detailsFromZod } from '@shared/errors';

export type Row = { label: string; value: string };

/** A URI without any `user:password@` part, which a configured NEO4J_URI may carry. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1');
}

export function healthRows(health: HealthResponse): Row[] {
  const db = health.database;
  const rows: Row[] = [
    { label: 'Status', value: db.reachable ? 'Connected' : 'Unreachable' },
    { label: 'Database URI', value: redactUri(db.uri) },
    { label: 'Database', value: db.database },
    {
      label: 'Neo4j',
      value: db.version ? `${db.version}${db.edition ? ` ${db.edition}` : ''}` : 'unknown',
    },
    { label: 'Latency', value: db.latency_ms === null ? '–' : `${db.latency_ms.toFixed(1)} ms` },
    {
      label: 'Managed',
      value: db.managed ? 'Yes: a local Neo4j started by the app' : 'No: an existing Neo4j',
    },
    { label: 'App version', value: health.version },
  ];
  if (health.counts)
    rows.push({
      label: 'Data',
      value: `${health.counts.nodes.toLocaleString('en-US')} nodes, ${health.counts.relationships.toLocaleString('en-US')} relationships`,
    });
  return rows;
}

export type StartupState =
  | { kind: 'starting'; text: string }
  | { kind: 'failed'; text: string }
  | { kind: 'running'; text: string };

/** The desktop backend's state from its latest app info. */
export function startupState(info: AppInfo): StartupState {
  if (info.startup_error) return { kind: 'failed', text: info.startup_error.message };
  if (info.api_url && info.database)
    return {
      kind: 'running',
      text: `Connected to ${redactUri(info.database.uri)} (${info.database.database})${info.database.managed ? ', managed local database' : ''}`,
    };
  return { kind: 'starting', text: info.startup_progress ?? 'Connecting to Neo4j…' };
}

export function appInfoRows(info: AppInfo): Row[] {
  return [
    { label: 'API', value: info.api_url ?? 'not running' },
    { label: 'Data folder', value: info.data_dir },
    { label: 'Settings', value: info.settings_file },
    { label: 'Log', value: info.log_file ?? 'console only' },
    { label: 'Version', value: `${info.version} (${info.platform})` },
  ];
}

export type ProfileForm = {
  /** Absent for a new profile. */
  id?: string;
  name: string;
  uri: string;
  username: string;
  database: string;
  protection: ProtectionLevel;
  /** Typed password; empty keeps the stored one unless `clearPassword`. */
  password: string;
  clearPassword: boolean;
  hasStoredPassword: boolean;
};

export const emptyProfileForm = (): ProfileForm => ({
  name: '',
  uri: 'bolt://localhost:7687',
  username: 'neo4j',
  database: 'neo4j',
  protection: 'confirm',
  password: '',
  clearPassword: false,
  hasStoredPassword: false,
});

export const profileForm = (profile: ConnectionProfile): ProfileForm => ({
  id: profile.id,
  name: profile.name,
  uri: profile.uri,
  username: profile.username,
  database: profile.database,
  protection: profile.protection,
  password: '',
  clearPassword: false,
  hasStoredPassword: profile.has_password,
});

export type FormErrors = Partial<Record<'name' | 'uri' | 'username' | 'database' | 'form', string>>;

function errorsOf(error: Parameters<typeof detailsFromZod>[0]): FormErrors {
  const errors: FormErrors = {};
  for (const detail of detailsFromZod(error)) {
    const field = detail.field;
    const key =
      field === 'name' || field === 'uri' || field === 'username' || field === 'database'
        ? field
        : 'form';
    errors[key] ??= detail.message;
  }
  return errors;
}

/** Absent keeps the stored password; '' removes it; anything typed replaces it. */
function passwordField(form: ProfileForm): { password?: string } {
  if (form.password !== '') return { password: form.password };
  if (form.clearPassword) return { password: '' };
  return {};
}

export function toSaveInput(
  form: ProfileForm,
): { input: SaveProfileInput } | { errors: FormErrors } {
  const parsed = SaveProfileInput.safeParse({
    ...(form.id && { id: form.id }),
    name: form.name,
    uri: form.uri,
    username: form.username,
    database: form.database,
    protection: form.protection,
    ...passwordField(form),
  });
  return parsed.success ? { input: parsed.data } : { errors: errorsOf(parsed.error) };
}

export type TestInput = ReturnType<typeof TestConnectionInput.parse>;

/** What "Test connection" sends: the typed password, or the stored one of a saved profile. */
export function toTestInput(form: ProfileForm): { input: TestInput } | { errors: FormErrors } {
  const usesStored = form.password === '' && !form.clearPassword && form.hasStoredPassword;
  const parsed = TestConnectionInput.safeParse({
    uri: form.uri,
    username: form.username,
    database: form.database,
    ...(usesStored && form.id ? { profile_id: form.id } : { password: form.password }),
  });
  return parsed.success ? { input: parsed.data } : { errors: errorsOf(parsed.error) };
}
