/**
 * What the managed Neo4j keeps in its data folder besides the database: the generated
 * credentials, the running server's pid and port (`run/managed.json`, rewritten at each start),
 * and the identity of its DBMS, recorded on first start. The data folder is the instance: any
 * process that opens the same folder finds the same server through these files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export const Credentials = z.object({ username: z.string(), password: z.string() });
export type Credentials = z.infer<typeof Credentials>;

const State = z.object({
  pid: z.number().int(),
  boltPort: z.number().int(),
  version: z.string(),
  startedAt: z.string(),
  /** Set by `stopManaged` before it signals the server, so followers let go of it at once. */
  stopping: z.boolean().optional(),
});
export type ManagedState = z.infer<typeof State>;

/** `CALL dbms.info()`'s id: made by Neo4j when it creates the store, so no other server has it. */
const Identity = z.object({ dbmsId: z.string().min(1) });

export function managedHome(dataDir: string): string {
  return join(dataDir, 'neo4j');
}
const statePath = (home: string): string => join(home, 'run', 'managed.json');
export const credentialsPath = (home: string): string => join(home, 'credentials.json');
const identityPath = (home: string): string => join(home, 'identity.json');

function readJson<T>(file: string, schema: z.ZodType<T>): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return schema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

export function readState(home: string): ManagedState | undefined {
  return readJson(statePath(home), State);
}

/** Replaced whole (write, then rename), so a process following the folder never reads half. */
export async function writeState(home: string, state: ManagedState): Promise<void> {
  const file = statePath(home);
  await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(state));
  await rename(`${file}.${process.pid}.tmp`, file);
}

export async function removeState(home: string): Promise<void> {
  await rm(statePath(home), { force: true });
}

export function readCredentialsFile(home: string): Credentials | undefined {
  return readJson(credentialsPath(home), Credentials);
}

export async function writeCredentials(home: string, credentials: Credentials): Promise<void> {
  await writeFile(credentialsPath(home), JSON.stringify(credentials), { mode: 0o600 });
}

export function readIdentity(home: string): string | undefined {
  return readJson(identityPath(home), Identity)?.dbmsId;
}

export async function writeIdentity(home: string, dbmsId: string): Promise<void> {
  await writeFile(identityPath(home), JSON.stringify({ dbmsId }));
}
