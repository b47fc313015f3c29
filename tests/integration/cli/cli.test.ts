import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { runCli, type CliIo } from '../../../src/main/cli/program';
import { GenerationResult, StatsResponse } from '../../../src/shared/api';
import { removeRegions, testDriver, testRegions } from '../../support/db';
import { cliEnv, countInRegions, databaseCounts } from '../generation/support';

function capture(env: NodeJS.ProcessEnv) {
  const chunks = { stdout: '', stderr: '' };
  const sink = (key: keyof typeof chunks) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks[key] += chunk.toString();
        done();
      },
    });
  const io: CliIo = { stdout: sink('stdout'), stderr: sink('stderr'), env };
  return { io, chunks };
}

/** Runs the CLI the way a user does: a separate process through tsx, not a terminal. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** "  LABEL   1,234" lines of a section of the plain output. */
function section(output: string, title: string): Record<string, number> {
  const lines = output.split('\n');
  const start = lines.indexOf(title);
  const counts: Record<string, number> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\S+)\s+([\d,]+)$/.exec(line);
    if (!match) break;
    counts[match[1]!] = Number(match[2]!.replace(/,/g, ''));
  }
  return counts;
}

describe('headless CLI', () => {
  let driver: Driver;
  const regions = testRegions(2);
  const [first, second] = regions as [string, string];
  const env = cliEnv(regions);
  const run = async (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
    const { io, chunks } = capture({ ...env, ...extraEnv });
    const code = await runCli(args, io);
    return { code, ...chunks };
  };
  const stats = async () =>
    StatsResponse.parse(JSON.parse((await run(['stats', '--json'])).stdout));

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it(
    "runs the seed's example, prints counts per label and type, and stats agrees",
    { timeout: 180_000 },
    async () => {
      const before = await stats();
      const { code, stdout, stderr } = await spawnCli(
        [
          'generate',
          '--regions',
          first,
          '--consultants',
          '5',
          '--field-consultants-per-consultant',
          '2',
          '--companies-per-field-consultant',
          '3',
          '--products-per-company',
          '2',
        ],
        env,
      );
      expect(stderr).toMatch(/relationships OWNS: 90\/90/);
      expect(code).toBe(0);
      const nodes = section(stdout, 'Nodes');
      const relationships = section(stdout, 'Relationships');
      expect(nodes).toEqual({
        CONSULTANT: 5,
        FIELD_CONSULTANT: 10,
        COMPANY: 30,
        PRODUCT: 50,
        INCUMBENT_PRODUCT: 25,
      });
      expect(Object.keys(relationships)).toEqual([
        'EMPLOYS',
        'COVERS',
        'OWNS',
        'RATES',
        'BI_RECOMMENDS',
      ]);

      const after = await stats();
      expect(after.regions.find((r) => r.region === first)?.nodes_by_label).toEqual(nodes);
      for (const [type, count] of Object.entries(relationships))
        expect(after.relationships_by_type[type], type).toBe(
          before.relationships_by_type[type]! + count,
        );
      expect(after.last_generation?.regions).toEqual([first]);
    },
  );

  it('prints JSON for scripts', async () => {
    const { code, stdout, stderr } = await run([
      'generate',
      '--regions',
      second,
      '--consultants',
      '2',
      '--incumbents-per-company',
      '2',
      '--rating-probability',
      '1',
      '--seed',
      '77',
      '--batch-size',
      '25',
      '--json',
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = GenerationResult.parse(JSON.parse(stdout));
    expect(result).toMatchObject({ regions: [second], seed: 77 });
    expect(await countInRegions(driver, [second])).toBe(result.total_nodes);
  });

  it('refuses a request over a bound in one line, naming the flag and the bound', async () => {
    const counts = await databaseCounts(driver);
    const { code, stdout, stderr } = await run([
      'generate',
      '--regions',
      first,
      '--consultants',
      '51',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /consultants_per_region.*51.*bound 50.*MAX_CONSULTANTS_PER_REGION.*--consultants/,
    );
    expect(await databaseCounts(driver)).toEqual(counts);

    const bad = await run(['generate', '--consultants', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--consultants/);
    const unknown = await run(['generate', '--regions', 'MARS']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/MARS.*\[--regions\]/);
  });

  it('fails with one line and exit code 1 when the database is unreachable', async () => {
    const { code, stderr } = await run(['stats'], {
      NEO4J_URI: 'bolt://127.0.0.1:1',
      NEO4J_CONNECT_TIMEOUT: '3',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('Error: Neo4j is unreachable at bolt://127.0.0.1:1 (NEO4J_URI).');
  });

  it('clears only with --yes, and only the chosen regions', async () => {
    const counts = await databaseCounts(driver);
    const refused = await run(['clear', '--regions', second]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/without --yes/);
    expect(await databaseCounts(driver)).toEqual(counts);

    const inSecond = await countInRegions(driver, [second]);
    const { code, stdout } = await run(['clear', '--yes', '--regions', second, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ deleted_nodes: inSecond, regions: [second] });
    expect(await countInRegions(driver, [second])).toBe(0);
    expect(await countInRegions(driver, [first])).toBeGreaterThan(0);
  });

  it('refuses --regions without a value or with a blank one, deleting nothing', async () => {
    const counts = await databaseCounts(driver);
    const kept = await countInRegions(driver, [first]);
    expect(kept).toBeGreaterThan(0);
    for (const args of [
      ['clear', '--yes', '--regions'],
      ['clear', '--yes', '--regions', ''],
      ['clear', '--yes', '--regions', ','],
      ['clear', '--yes', '--regions', ' , '],
      ['clear', '--yes', '--regions', 'MARS'],
      ['generate', '--regions'],
      ['generate', '--regions', ''],
      ['generate', '--regions', ' , '],
    ]) {
      const { code, stdout, stderr } = await run(args);
      expect({ args, code, stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(stderr).toMatch(/--regions|regions/);
    }
    expect(await countInRegions(driver, [first])).toBe(kept);
    expect(await databaseCounts(driver)).toEqual(counts);
  });

  it('sets up the schema idempotently', async () => {
    const { code, stdout } = await run(['setup', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { created: string[]; existing: string[] };
    expect(result.created).toEqual([]);
    expect(result.existing).toContain('consultant_id_unique');
  });

  it('reports a stopped managed database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'smart-network-cli-'));
    try {
      const { code, stdout } = await run(['neo4j', 'status', '--json'], {
        SMART_NETWORK_DATA_DIR: dataDir,
      });
      expect(code).toBe(0);
      expect(JSON.parse(stdout)).toEqual({ running: false, dataDir });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('shows usage for an unknown command', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command 'frobnicate'/);
  });
});
