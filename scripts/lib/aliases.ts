/**
 * Import aliases of the renderer's bundles and tests (`@shared/api` rather than
 * `../../../../shared/api`); tsconfig.base.json declares the same for the type checker. Each
 * config passes the repository root: bundled config files cannot tell it from this module.
 */
import { resolve } from 'node:path';

export const aliases = (root: string): Record<string, string> => ({
  '@shared': resolve(root, 'src/shared'),
});
