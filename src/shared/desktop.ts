/**
 * Operations only the desktop app has: what the app is running against, and the saved connection
 * profiles (passwords never leave the main process). Declared like the client contract so the
 * IPC bridge derives channels, validation and types from one table.
 */
import { z } from 'zod';
import { ProtectionLevel } from './api';
import { ErrorCode } from './errors';
import { ImportJob, ImportOptions } from './import';

const Empty = z.object({});

/** bolt://, neo4j:// and their +s / +ssc TLS variants, as NEO4J_URI accepts. */
const Neo4jUri = z
  .string()
  .trim()
  .max(2_000)
  .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/, 'a Neo4j URI such as bolt://localhost:7687');

const ProfileId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a profile id');

export const ConnectionProfile = z.object({
  id: ProfileId,
  name: z.string().trim().min(1).max(100),
  uri: Neo4jUri,
  username: z.string().trim().min(1).max(200),
  database: z.string().trim().min(1).max(200),
  protection: ProtectionLevel,
  has_password: z.boolean(),
});
export type ConnectionProfile = z.infer<typeof ConnectionProfile>;

export const ProfileList = z.object({
  profiles: z.array(ConnectionProfile),
  /** The profile in use; null when the app uses its configuration (or the managed database). */
  active_id: ProfileId.nullable(),
  /** `os`: passwords are encrypted with the OS keychain; `session`: kept in memory only. */
  password_storage: z.enum(['os', 'session']),
});
export type ProfileList = z.infer<typeof ProfileList>;

export const SaveProfileInput = z.strictObject({
  /** Absent for a new profile. */
  id: ProfileId.optional(),
  name: z.string().trim().min(1).max(100),
  uri: Neo4jUri,
  username: z.string().trim().min(1).max(200).default('neo4j'),
  database: z.string().trim().min(1).max(200).default('neo4j'),
  /** How writes are guarded on this connection; a new profile asks to confirm each write. */
  protection: ProtectionLevel.default('confirm'),
  /** Absent keeps the stored password; an empty string removes it. */
  password: z.string().max(1_000).optional(),
});
export type SaveProfileInput = z.infer<typeof SaveProfileInput>;

export const TestConnectionInput = z.strictObject({
  uri: Neo4jUri,
  username: z.string().trim().min(1).max(200).default('neo4j'),
  database: z.string().trim().min(1).max(200).default('neo4j'),
  /** Absent uses the stored password of `profile_id`. */
  password: z.string().max(1_000).optional(),
  profile_id: ProfileId.optional(),
});

const TestConnectionResult = z.object({
  address: z.string(),
  version: z.string(),
  edition: z.string(),
  latency_ms: z.number(),
});

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** The embedded REST API; null while it is not running. */
  api_url: z.string().nullable(),
  data_dir: z.string(),
  settings_file: z.string(),
  log_file: z.string().nullable(),
  database: z
    .object({
      uri: z.string(),
      database: z.string(),
      managed: z.boolean(),
      profile_id: ProfileId.nullable(),
    })
    .nullable(),
  /** Why the backend is not running (e.g. Neo4j unreachable, Java missing). */
  startup_error: z.object({ code: ErrorCode, message: z.string() }).nullable(),
  /** What the backend is doing while it starts (e.g. downloading Neo4j); null otherwise. */
  startup_progress: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Largest file the app writes for the renderer (a big PNG or XLSX stays well below). */
export const SAVE_FILE_MAX_BYTES = 100 * 1024 * 1024;

/**
 * A bare file name: the folder is always the user's choice in the save dialog, so separators,
 * `..` and control characters are refused rather than cleaned up.
 */
const FileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine(
    (name) =>
      !/[/\\:*?"<>|]/.test(name) &&
      ![...name].some((c) => c.charCodeAt(0) < 32) &&
      name !== '.' &&
      name !== '..',
    'a file name without folders',
  );

const FileFilter = z.strictObject({
  name: z.string().trim().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^([A-Za-z0-9]{1,16}|\*)$/, 'an extension without a dot'))
    .min(1)
    .max(10),
});

export const SaveFileInput = z.strictObject({
  suggestedName: FileName,
  filters: z.array(FileFilter).max(10).default([]),
  /** Text is written as UTF-8; bytes as they are. */
  data: z.union([
    z.string().max(SAVE_FILE_MAX_BYTES, 'at most 100 MB'),
    z
      .instanceof(Uint8Array)
      .refine((bytes) => bytes.byteLength <= SAVE_FILE_MAX_BYTES, 'at most 100 MB'),
  ]),
});
export type SaveFileInput = z.input<typeof SaveFileInput>;

export const SaveFileResult = z.object({
  saved: z.boolean(),
  /** Where the file went; null when the user cancelled the dialog. */
  path: z.string().nullable(),
});
export type SaveFileResult = z.infer<typeof SaveFileResult>;

/**
 * Files picked for an import with the open dialog. Main keeps their paths under `choice` (an
 * opaque id); the page sees only their names, so it can never name a path on disk.
 */
export const ImportChoice = z.object({
  /** Null when the user cancelled the dialog. */
  choice: z.string().nullable(),
  names: z.array(z.string()),
});
export type ImportChoice = z.infer<typeof ImportChoice>;

/** An import (or its dry run) of the files of a choice, started as a job. */
const ChosenImportInput = ImportOptions.extend({
  choice: z.string().uuid('the id of a choice of files made with chooseImportFiles'),
});

export const OpenFileInput = z.strictObject({
  filters: z.array(FileFilter).max(10).default([]),
});

export const OpenFileResult = z.object({
  opened: z.boolean(),
  /** The file's name (without its folder); null when the user cancelled the dialog. */
  name: z.string().nullable(),
  /** Its content as UTF-8 text; null when cancelled. */
  text: z.string().nullable(),
});
export type OpenFileResult = z.infer<typeof OpenFileResult>;

const op = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});

export const desktopContract = {
  getAppInfo: op(Empty, AppInfo, 'What the app runs against and where it keeps its files'),
  listProfiles: op(Empty, ProfileList, 'Saved connection profiles (without passwords)'),
  saveProfile: op(SaveProfileInput, ConnectionProfile, 'Create or update a connection profile'),
  deleteProfile: op(z.strictObject({ id: ProfileId }), ProfileList, 'Delete a profile'),
  testConnection: op(TestConnectionInput, TestConnectionResult, 'Check that a database answers'),
  activateProfile: op(
    z.strictObject({ id: ProfileId.nullable() }),
    AppInfo,
    'Reconnect to a profile (null: the configuration or the managed database)',
  ),
  saveFile: op(
    SaveFileInput,
    SaveFileResult,
    'Ask for a place with the save dialog and write there',
  ),
  chooseImportFiles: op(
    Empty,
    ImportChoice,
    'Pick CSV or XLSX files to import with the open dialog (main keeps their paths)',
  ),
  startChosenImport: op(
    ChosenImportInput,
    ImportJob,
    'Start importing (or checking) the chosen files as a job',
  ),
  openFile: op(
    OpenFileInput,
    OpenFileResult,
    'Ask for a file with the open dialog and read it (a page cannot open one from the menu)',
  ),
} as const;

export type DesktopContract = typeof desktopContract;
export type DesktopOperationName = keyof DesktopContract;
export type DesktopInput<N extends DesktopOperationName> = z.input<DesktopContract[N]['input']>;
export type DesktopOutput<N extends DesktopOperationName> = z.infer<DesktopContract[N]['output']>;

export const DESKTOP_OPERATION_NAMES = Object.keys(desktopContract) as DesktopOperationName[];
