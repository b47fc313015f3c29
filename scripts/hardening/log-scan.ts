/**
 * Secrets never reach the logs: every byte the server sessions wrote (JSON log files under
 * LOG_DIR, the error log, and the captured console output) is searched for the Neo4j password
 * and the API token, raw and in the encodings they could travel in (Basic auth, URL encoding).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ProofResult } from './lib/report';

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path).flatMap((entry) => filesUnder(join(path, entry)));
}

export function scanLogs(
  paths: string[],
  secrets: Record<string, string>,
  username: string,
): ProofResult {
  const needles: [string, string][] = [];
  for (const [name, value] of Object.entries(secrets)) {
    needles.push([name, value]);
    needles.push([`${name} (URL-encoded)`, encodeURIComponent(value)]);
    needles.push([`${name} (base64)`, Buffer.from(value).toString('base64')]);
  }
  needles.push([
    'Basic credentials',
    Buffer.from(`${username}:${secrets.password ?? ''}`).toString('base64'),
  ]);
  const files = paths.flatMap(filesUnder);
  const failures: string[] = [];
  let bytes = 0;
  let lines = 0;
  let debugLines = 0;
  let requestLines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    for (const line of text.split('\n')) {
      if (!line) continue;
      lines += 1;
      if (/"level":(10|20)\b/.test(line)) debugLines += 1;
      if (line.includes('"req":')) requestLines += 1;
    }
    for (const [name, needle] of needles)
      if (needle && text.includes(needle)) failures.push(`${name} found in ${file}`);
  }
  if (files.length === 0 || bytes === 0) failures.push('no log bytes to scan');
  if (requestLines === 0) failures.push('no request log lines: the scan would prove nothing');
  return {
    name: 'Logs hold no secrets',
    ok: failures.length === 0,
    figures: {
      files: files.length,
      bytes,
      lines,
      'debug/trace lines': debugLines,
      'request lines': requestLines,
      'patterns searched': needles.length,
      'secrets found': failures.filter((f) => f.includes(' found in ')).length,
    },
    failures,
  };
}
