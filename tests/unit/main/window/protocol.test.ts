import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerAppProtocol, resolveAppAsset } from '../../../../src/main/window/protocol';

const root = mkdtempSync(join(tmpdir(), 'sn-protocol-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {};');
writeFileSync(join(tmpdir(), 'sn-protocol-secret.txt'), 'secret');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('maps app URLs to files in the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://smart-network/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://smart-network/assets/index-abc.js?v=1')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
  });

  it('resolves dot segments inside the folder, never above it', () => {
    // The URL parser already collapses encoded dot segments at the root.
    expect(resolveAppAsset(root, 'app://smart-network/%2e%2e/sn-protocol-secret.txt')).toBe(
      join(root, 'sn-protocol-secret.txt'),
    );
  });

  it.each([
    'app://smart-network/..%2fsn-protocol-secret.txt',
    'app://smart-network/assets/%2e%2e%2f%2e%2e%2fsn-protocol-secret.txt',
    'app://smart-network/%00index.html',
    'app://smart-network/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeUndefined();
  });

  it('serves files with their type, the CSP and nosniff; anything else is 404', async () => {
    let handler: ((request: Request) => Promise<Response>) | undefined;
    registerAppProtocol(
      { handle: (_scheme, h) => (handler = h as (request: Request) => Promise<Response>) },
      root,
      () => "default-src 'self'",
      (file) => readFile(file),
    );
    const page = await handler!(new Request('app://smart-network/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>app</title>');

    const script = await handler!(new Request('app://smart-network/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');

    const missing = await handler!(new Request('app://smart-network/missing.js'));
    expect(missing.status).toBe(404);
    const escape = await handler!(new Request('app://smart-network/%2e%2e/sn-protocol-secret.txt'));
    expect(escape.status).toBe(404);
  });
});
