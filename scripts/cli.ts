/** `npm run cli -- <command>` (and the `smart-network` bin once built): the headless CLI. */
import { runCli } from '../src/main/cli/program';

process.exitCode = await runCli(process.argv.slice(2));
