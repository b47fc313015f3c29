/**
 * What electron-builder will pack, checked without the Electron binary or a packaging run: the
 * entry and the files main loads at run time are inside the packed globs, every module the main
 * bundles load is a production dependency (only those are packed), no production dependency
 * carries native code (the app is packed into an asar without rebuilding), artefact names keep
 * architectures apart, and the toolchain's Node and Electron versions are pinned where the
 * release workflow reads them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { built, OUT, reachableModules } from '../../support/bundles';

const ROOT = resolve(OUT, '..');
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(ROOT, file), 'utf8'));
const pkg = z
  .object({
    main: z.string(),
    dependencies: z.record(z.string(), z.string()),
    devDependencies: z.record(z.string(), z.string()),
  })
  .parse(read('package.json'));
const builder = z
  .object({
    files: z.array(z.string()),
    asar: z.boolean(),
    npmRebuild: z.boolean(),
    dmg: z.object({ artifactName: z.string() }),
    nsis: z.object({ artifactName: z.string() }),
    appImage: z.object({ artifactName: z.string() }),
  })
  .parse(parse(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')));

/** Whether a path of the app folder is packed: the builder's globs as this config uses them. */
function packed(path: string): boolean {
  const file = relative(ROOT, path).split(sep).join('/');
  const included = builder.files.some((glob) =>
    glob.endsWith('/**') ? file.startsWith(glob.slice(0, -2)) : file === glob,
  );
  const excluded = builder.files.some(
    (glob) => glob.startsWith('!**/*.') && file.endsWith(glob.slice('!**/*'.length)),
  );
  return included && !excluded;
}

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier));

describe('what electron-builder packs', () => {
  it('packs the entry point and the preload and renderer that main loads', () => {
    const main = resolve(ROOT, pkg.main);
    expect(packed(main)).toBe(true);
    const code = built(main);
    // index.ts finds both next to its own bundle.
    expect(code).toContain('../preload/index.cjs');
    expect(code).toContain('../renderer');
    for (const file of ['preload/index.cjs', 'renderer/index.html']) {
      expect(existsSync(join(OUT, file)), file).toBe(true);
      expect(packed(join(OUT, file)), file).toBe(true);
    }
    const maps = readdirSync(OUT, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.map'),
    );
    for (const map of maps) expect(packed(join(OUT, map)), map).toBe(false);
    expect(packed(resolve(ROOT, 'src/main/index.ts'))).toBe(false);
    expect(packed(resolve(ROOT, '.env'))).toBe(false);
  });

  it('needs nothing at run time but Electron, Node and production dependencies', () => {
    for (const entry of ['main/index.js', 'main/cli.js']) {
      const external = [...reachableModules(join(OUT, entry))].filter(
        (specifier) => !isBuiltin(specifier) && specifier !== 'electron',
      );
      expect(external.length, entry).toBeGreaterThan(0);
      for (const specifier of external)
        expect(Object.keys(pkg.dependencies), `${entry} loads ${specifier}`).toContain(
          packageOf(specifier),
        );
    }
    expect(Object.keys(pkg.dependencies)).not.toContain('electron');
  });

  it('packs no native code, since the asar is packed without rebuilding modules', () => {
    expect(builder.asar).toBe(true);
    expect(builder.npmRebuild).toBe(false);
    const lock = z
      .object({
        packages: z.record(
          z.string(),
          z.object({
            dev: z.boolean().optional(),
            devOptional: z.boolean().optional(),
          }),
        ),
      })
      .parse(read('package-lock.json'));
    const production = Object.entries(lock.packages).filter(
      ([path, entry]) => path.startsWith('node_modules/') && !entry.dev && !entry.devOptional,
    );
    expect(production.length).toBeGreaterThan(Object.keys(pkg.dependencies).length);
    for (const [path] of production) {
      const dir = resolve(ROOT, path);
      if (!existsSync(dir)) continue;
      const native = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
        (file) => file.endsWith('.node') || file.endsWith('binding.gyp'),
      );
      expect(native, path).toEqual([]);
    }
    // Walks every production package on disk.
  }, 60_000);

  it('names every installer by architecture, so x64 and arm64 builds do not overwrite each other', () => {
    for (const name of [
      builder.dmg.artifactName,
      builder.nsis.artifactName,
      builder.appImage.artifactName,
    ])
      expect(name).toContain('${arch}');
  });

  it('pins the Electron it packs and a Node the toolchain accepts', () => {
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    const packaging = z
      .object({
        engines: z.object({ node: z.string() }),
        devDependencies: z.object({ 'electron-builder': z.string() }),
      })
      .parse(read('packaging/package.json'));
    expect(packaging.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    const minimum = Number(/^>=(\d+)/.exec(packaging.engines.node)?.[1]);
    const release = readFileSync(resolve(ROOT, '.github/workflows/release.yml'), 'utf8');
    const nodes = [...release.matchAll(/node-version:\s*(\d+)/g)].map((m) => Number(m[1]));
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node).toBeGreaterThanOrEqual(minimum);
  });
});
