/**
 * The web UI's static serving never leaves its build folder: traversal attempts (plain, encoded,
 * double-encoded, backslashes, null bytes, overlong UTF-8, absolute paths) sent as raw request
 * paths over HTTP to a real server never return a file from outside the folder, nor a dotfile
 * inside it, and never fail with a 5xx.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../api/harness';

const SECRET = `outside-${randomBytes(8).toString('hex')}`;
const DOTFILE_SECRET = `dotfile-${randomBytes(8).toString('hex')}`;
let root: string;
let h: Harness;
let server: Server;
let port: number;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sn-static-'));
  const build = join(root, 'build');
  mkdirSync(join(build, 'assets'), { recursive: true });
  writeFileSync(join(build, 'index.html'), '<!doctype html><title>Smart Network</title>');
  writeFileSync(join(build, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(build, '.env'), DOTFILE_SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
  // A sibling whose name starts like the build folder's (a prefix check would let it through).
  mkdirSync(join(root, 'build-private'));
  writeFileSync(join(root, 'build-private', 'secret.txt'), SECRET);
  h = harness({}, { staticDir: build });
  server = h.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
  rmSync(root, { recursive: true, force: true });
});

function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { accept: 'text/html,*/*' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const ATTEMPTS = [
  '/../secret.txt',
  '/../../../../../../etc/passwd',
  '/..%2fsecret.txt',
  '/%2e%2e/secret.txt',
  '/%2e%2e%2fsecret.txt',
  '/.%2e/secret.txt',
  '/%252e%252e%252fsecret.txt',
  '/%252e%252e/secret.txt',
  '/..\\secret.txt',
  '/..%5csecret.txt',
  '/%5c..%5csecret.txt',
  '/assets/../../secret.txt',
  '/assets/%2e%2e/%2e%2e/secret.txt',
  '/assets/..%2f..%2fsecret.txt',
  '/../build-private/secret.txt',
  '/%2e%2e/build-private/secret.txt',
  '/secret.txt%00.html',
  '/%00../secret.txt',
  '/..%00/secret.txt',
  '/%c0%ae%c0%ae/secret.txt',
  '/%c0%af../secret.txt',
  '/....//secret.txt',
  '/..;/secret.txt',
  `//${'x'}/../secret.txt`,
  '/%2f..%2f..%2fetc%2fpasswd',
  '/.env',
  '/%2eenv',
  '/assets/../.env',
];

describe('static serving of the web UI', () => {
  it('serves the build folder', async () => {
    expect((await get('/')).body).toContain('Smart Network');
    expect((await get('/assets/app.js')).body).toContain('console.log');
  });

  it.each(ATTEMPTS)('never leaves the build folder: %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(DOTFILE_SECRET);
    expect(res.body).not.toMatch(/root:.*:0:0:/);
  });
});
