/** Reading the built bundles (`npm test` builds them first with `electron-vite build`). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export const OUT = resolve(import.meta.dirname, '../../out');

export function built(file: string): string {
  if (!existsSync(file))
    throw new Error(`${file} is missing: run \`npx electron-vite build\` (npm test does) first.`);
  return readFileSync(file, 'utf8');
}

/** Module specifiers a bundle loads: require(), static and dynamic import, re-exports. */
export function specifiers(code: string): string[] {
  const patterns = [
    /\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    /\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g,
    /^\s*import\s+(?:[^'"`;]*?\s+from\s+)?["']([^"']+)["']/gm,
    /^\s*export\s+[^'"`;]*?\s+from\s+["']([^"']+)["']/gm,
  ];
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
}

/** Every bare module a bundle reaches through its own relative chunks. */
export function reachableModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const modules = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(built(file))) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else modules.add(specifier);
    }
  };
  visit(entry);
  return modules;
}
