import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../../..');
const raw: unknown = parse(readFileSync(resolve(root, 'electron-builder.yml'), 'utf8'));

const Target = z.object({ target: z.string(), arch: z.array(z.string()) });
const BuilderConfig = z.object({
  appId: z.string(),
  productName: z.string(),
  files: z.array(z.string()),
  asar: z.boolean(),
  directories: z.object({ buildResources: z.string(), output: z.string() }),
  electronFuses: z.record(z.string(), z.boolean()),
  mac: z.object({
    icon: z.string(),
    hardenedRuntime: z.boolean(),
    entitlements: z.string(),
    entitlementsInherit: z.string(),
    target: z.array(Target),
  }),
  win: z.object({ icon: z.string(), target: z.array(Target) }),
  linux: z.object({ icon: z.string(), target: z.array(Target) }),
});
const config = BuilderConfig.parse(raw);

// electron-builder's own validator: the same schema check `electron-builder` runs before packaging.
// The builder lives in packaging/ (`npm run packaging:deps` installs it; `npm test` does).
const require = createRequire(resolve(root, 'packaging/package.json'));
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
};
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

describe('electron-builder configuration', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(raw, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000);

  it('names the app and packs the built output into an asar archive', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('Smart Network');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/*.map']));
    expect(config.files.some((pattern) => /^src|tests|\.env/.test(pattern))).toBe(false);
    const pkg = z
      .object({ main: z.string() })
      .parse(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')));
    expect(pkg.main).toMatch(/^\.\/out\//);
  });

  it('builds dmg and zip for Intel and Apple silicon with the hardened runtime', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.hardenedRuntime).toBe(true);
    const entitlements = readFileSync(resolve(root, config.mac.entitlements), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // Nothing that would weaken the hardened runtime beyond what V8 needs.
    expect(entitlements).not.toMatch(/disable-library-validation|allow-dyld-environment-variables/);
  });

  it('builds NSIS for Windows x64 and arm64, and an AppImage for Linux', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('flips the fuses that close the usual ways to run other code in the app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has every icon it names, in the right format', () => {
    const magic = (file: string, bytes: number[]) =>
      [...readFileSync(resolve(root, file)).subarray(0, bytes.length)].every(
        (b, i) => b === bytes[i],
      );
    expect(magic(config.mac.icon, [0x69, 0x63, 0x6e, 0x73])).toBe(true); // "icns"
    expect(magic(config.win.icon, [0, 0, 1, 0])).toBe(true); // ICO header
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const file = resolve(root, config.linux.icon, `${size}x${size}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size);
    }
    const large = readFileSync(resolve(root, config.directories.buildResources, 'icon.png'));
    expect([large.readUInt32BE(16), large.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
