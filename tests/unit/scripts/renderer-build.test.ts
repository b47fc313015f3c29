import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererStaleness } from '../../../scripts/lib/renderer-build';

function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'sn-ui-build-'));
  mkdirSync(join(root, 'src/renderer/src'), { recursive: true });
  mkdirSync(join(root, 'src/shared'), { recursive: true });
  writeFileSync(join(root, 'src/renderer/src/main.tsx'), '');
  writeFileSync(join(root, 'src/shared/api.ts'), '');
  return root;
}

const at = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

describe('whether npm run serve must build the web UI first', () => {
  it('builds when the UI was never built', () => {
    expect(rendererStaleness(checkout())).toBe('the web UI is not built yet');
  });

  it('keeps a build that is newer than every source', () => {
    const root = checkout();
    for (const dir of ['src/renderer/src', 'src/renderer', 'src/shared', 'src'])
      at(join(root, dir), 1_000);
    at(join(root, 'src/renderer/src/main.tsx'), 1_000);
    at(join(root, 'src/shared/api.ts'), 1_000);
    mkdirSync(join(root, 'out/renderer'), { recursive: true });
    writeFileSync(join(root, 'out/renderer/index.html'), '');
    at(join(root, 'out/renderer/index.html'), 2_000);
    expect(rendererStaleness(root)).toBeUndefined();

    at(join(root, 'src/shared/api.ts'), 3_000);
    expect(rendererStaleness(root)).toBe('src/shared changed since the last build');
  });
});
