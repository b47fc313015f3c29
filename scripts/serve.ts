/**
 * `npm run serve`: the headless server, REST API and web UI (see `serve --help`). From a checkout,
 * the web UI is built first when it is missing or stale (unless `--ui` names another folder).
 */
import { runCli } from '../src/main/cli/program';
import { ensureRendererBuilt } from './lib/renderer-build';

const args = process.argv.slice(2);
if (!args.some((arg) => arg === '--ui' || arg.startsWith('--ui='))) {
  ensureRendererBuilt((line) => process.stderr.write(`${line}\n`));
}
process.exitCode = await runCli(['serve', ...args]);
