import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createGenerationService } from '../../../src/main/services/generation';
import { runImport } from '../../../src/main/services/import';
import { GenerateRequest } from '../../../src/shared/api';
import { removeRegions, testDriver, testRegions } from '../../support/db';
import { canonicalDump, testDeps } from '../generation/support';
import { exportFiles, fileOf, regionGraph, tempDir, type ExportedFiles } from './support';

describe('import round trip', () => {
  let driver: Driver;
  const regions = testRegions(1);
  const deps = () => testDeps(driver, regions);
  let files: ExportedFiles;
  let original: Awaited<ReturnType<typeof canonicalDump>>;

  beforeAll(async () => {
    driver = testDriver();
    await createGenerationService(deps()).run(
      GenerateRequest.parse({ regions, consultants_per_region: 3, seed: 5 }),
    );
    original = await canonicalDump(driver, regions, true);
    files = await exportFiles(tempDir(), await regionGraph(driver, regions));
    await removeRegions(driver, regions);
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it('imports the exported graph and coverage table back into an empty region unchanged', async () => {
    expect((await canonicalDump(driver, regions, true)).nodes).toEqual([]);
    const result = await runImport(deps(), [
      fileOf(files.coverageCsv),
      fileOf(files.edges),
      fileOf(files.nodes),
    ]);
    expect(result.committed).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.files.map((f) => f.layout)).toEqual(['graph-nodes', 'graph-edges', 'coverage']);
    expect(result.nodes.created).toBe(original.nodes.length);
    expect(result.relationships.created).toBe(original.relationships.length);
    // The coverage table repeats what the graph files already wrote.
    expect(result.relationships.updated).toBe(0);
    expect(await canonicalDump(driver, regions, true)).toEqual(original);
  });

  it('changes nothing when the same files are imported again (CSV and XLSX coverage)', async () => {
    const result = await runImport(deps(), [
      fileOf(files.nodes),
      fileOf(files.edges),
      fileOf(files.coverageXlsx),
    ]);
    expect(result.nodes).toEqual({ created: 0, updated: 0, unchanged: original.nodes.length });
    expect(result.relationships.created).toBe(0);
    expect(result.relationships.updated).toBe(0);
    expect(await canonicalDump(driver, regions, true)).toEqual(original);
  });
});
