/**
 * The installer toolchain is a package of its own (packaging/), so that the app's `npm ci` stays
 * free of electron-builder's Node 22 requirement. This installs it from its lockfile when it is
 * missing or older than the lockfile.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const PACKAGING_DIR = resolve(import.meta.dirname, '../../packaging');

export function ensurePackagingDeps(): void {
  const lock = resolve(PACKAGING_DIR, 'package-lock.json');
  // npm writes this file on every install: it is newer than the lockfile it installed from.
  const installed = resolve(PACKAGING_DIR, 'node_modules/.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(
    npm,
    ['ci', '--prefix', PACKAGING_DIR, '--no-audit', '--no-fund', '--loglevel=error'],
    { stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (result.status !== 0) throw new Error('Installing the packaging toolchain failed.');
}
