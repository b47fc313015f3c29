/** Removes the temporary data folder of the run's server (its managed Neo4j has stopped). */
import { rmSync } from 'node:fs';

export default function teardown(): void {
  const dir = process.env.SN_E2E_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
