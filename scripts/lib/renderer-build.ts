/**
 * `npm run serve` from a checkout: the web UI is built when out/renderer is missing or older than
 * any of its sources, so a fresh clone's `npm ci && npm run serve` shows the app, not a page that
 * asks for a build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
/** What the renderer bundle is built from. */
const INPUTS = [
  'src/renderer',
  'src/shared',
  'electron.vite.config.ts',
  'scripts/lib/aliases.ts',
  'package-lock.json',
  'tsconfig.web.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why the built UI needs a rebuild, or undefined when it is current. */
export function rendererStaleness(root = ROOT): string | undefined {
  const index = join(root, 'out/renderer/index.html');
  if (!existsSync(index)) return 'the web UI is not built yet';
  const built = statSync(index).mtimeMs;
  const changed = INPUTS.find((input) => newestMtime(join(root, input)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

export function ensureRendererBuilt(print: (line: string) => void): void {
  const reason = rendererStaleness();
  if (!reason) return;
  print(`Building the web UI (${reason})…`);
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
  );
  if (result.status !== 0) throw new Error('Building the web UI failed (see the output above).');
  print(`Web UI built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
