/**
 * `npm run package -- --mac|--win|--linux`: the installers, through the electron-builder that
 * lives in packaging/ (it needs Node 22.12+, while the app itself runs on Node 20.19+). The Node
 * version is checked first, so an older one fails with one line instead of deep in the builder.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ensurePackagingDeps, PACKAGING_DIR } from './lib/packaging';

const MINIMUM = [22, 12] as const;
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  console.error(
    `Packaging needs Node.js ${MINIMUM.join('.')} or newer (electron-builder's requirement); ` +
      `this is ${process.versions.node}. Running and testing the app need only 20.19.`,
  );
  process.exit(1);
}

ensurePackagingDeps();
const cli = resolve(PACKAGING_DIR, 'node_modules/electron-builder/cli.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
