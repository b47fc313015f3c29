/** Entry of the headless CLI bundle (`node out/main/cli.js <command>`): plain Node, no Electron. */
import { runCli } from '../cli/program';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
