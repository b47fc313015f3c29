/**
 * Which process listens on a local TCP port, asked of the operating system instead of the port
 * (anything can answer on a port; only the socket table knows whose socket it is). Linux reads
 * /proc; macOS and other Unixes ask `lsof`; Windows asks `netstat`. Where none of them can tell,
 * the answer is `undefined` and the caller falls back to what the server itself logged.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const LISTEN = '0A';

/** Inodes of the listening sockets on `port` in /proc/net/tcp and tcp6 (IPv4-mapped included). */
export function listeningInodes(tables: string[], port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of tables)
    for (const line of table.split('\n').slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …
      const fields = line.trim().split(/\s+/);
      const local = fields[1];
      if (!local || fields[3] !== LISTEN) continue;
      if (Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16) !== port) continue;
      const inode = fields[9];
      if (inode && inode !== '0') inodes.add(inode);
    }
  return inodes;
}

function linuxHolds(pid: number, port: number): boolean | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) => {
    try {
      return [readFileSync(file, 'utf8')];
    } catch {
      return [];
    }
  });
  if (tables.length === 0) return undefined;
  const inodes = listeningInodes(tables, port);
  if (inodes.size === 0) return false;
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    // Gone, or another user's process: either way not a socket we can vouch for.
    return false;
  }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match?.[1] && inodes.has(match[1])) return true;
    } catch {
      // The descriptor closed while we looked.
    }
  }
  return false;
}

function lsofHolds(pid: number, port: number): boolean | undefined {
  const run = spawnSync('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fp'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (run.error) return undefined;
  // Exit status 1 with no output: nothing listens there.
  const pids = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('p'))
    .map((line) => Number(line.slice(1)));
  return pids.includes(pid);
}

/** Parses `netstat -ano -p TCP`: "TCP  127.0.0.1:17687  0.0.0.0:0  LISTENING  1234". */
export function netstatListeners(output: string, port: number): number[] {
  const pids: number[] = [];
  for (const line of output.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5 || fields[3] !== 'LISTENING') continue;
    const local = fields[1] ?? '';
    if (Number(local.slice(local.lastIndexOf(':') + 1)) === port) pids.push(Number(fields[4]));
  }
  return pids;
}

function netstatHolds(pid: number, port: number): boolean | undefined {
  const run = spawnSync('netstat', ['-ano', '-p', 'TCP'], { encoding: 'utf8', timeout: 10_000 });
  if (run.error || run.status !== 0) return undefined;
  return netstatListeners(run.stdout, port).includes(pid);
}

/**
 * True when `pid` holds the listening socket of `port`, false when it does not (someone else
 * listens, or nobody), undefined when this system gives no way to tell.
 */
export function holdsListeningPort(pid: number, port: number): boolean | undefined {
  if (process.platform === 'linux') return linuxHolds(pid, port) ?? lsofHolds(pid, port);
  if (process.platform === 'win32') return netstatHolds(pid, port);
  return lsofHolds(pid, port);
}
