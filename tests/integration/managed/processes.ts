/**
 * The commands a user runs, as separate processes: `npm run serve` (the CLI's serve command) and
 * `npm run neo4j -- start|stop`, each on the data folder its environment names.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const TSX = join('node_modules', '.bin', 'tsx');

export type Served = {
  url: string;
  output: () => string;
  /** SIGTERM, then waits for the server (and the managed Neo4j it started) to stop. */
  stop: () => Promise<number | null>;
};

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  return () => text;
}

/**
 * Starts `serve --port 0 --no-sample-data` and resolves once it prints its addresses. `--ui`
 * names a folder without a build, so concurrent servers do not each build the web UI.
 */
export function serve(env: NodeJS.ProcessEnv, uiDir: string, timeoutMs = 240_000): Promise<Served> {
  const args = ['scripts/serve.ts', '--port', '0', '--no-sample-data', '--ui', uiDir];
  const child = spawn(TSX, args, { env });
  const output = collect(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve did not start in ${timeoutMs / 1000} s:\n${output()}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      const match = /API\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/v1/.exec(output());
      if (match?.[1] && output().includes('Press Ctrl-C to stop.')) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve({ url: match[1], output, stop });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before it started:\n${output()}`));
    });
  });
}

/** `npm run neo4j -- <command>`; resolves with its exit code and output once it ends. */
export function neo4jCommand(
  command: 'start' | 'stop' | 'status',
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(TSX, ['scripts/neo4j.ts', command], { env });
  const output = collect(child);
  return new Promise((resolve) =>
    child.once('close', (code) => resolve({ code, output: output() })),
  );
}
