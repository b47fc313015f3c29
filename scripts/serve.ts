/** `npm run serve`: the headless server, REST API and web UI (see `serve --help`). */
import { runCli } from '../src/main/cli/program';

process.exitCode = await runCli(['serve', ...process.argv.slice(2)]);
