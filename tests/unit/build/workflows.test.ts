import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';

const root = resolve(import.meta.dirname, '../../..');
const Step = z.object({ uses: z.string().optional(), run: z.string().optional() });
const Workflow = z.object({
  on: z.record(z.string(), z.unknown()),
  jobs: z.record(
    z.string(),
    z.object({
      'runs-on': z.string(),
      needs: z.string().optional(),
      env: z.record(z.string(), z.string()).optional(),
      steps: z.array(Step),
      strategy: z
        .object({
          matrix: z.union([
            z.object({ include: z.array(z.record(z.string(), z.string())) }),
            z.object({ os: z.array(z.string()) }),
          ]),
        })
        .optional(),
    }),
  ),
});
const workflow = (name: string) =>
  Workflow.parse(parse(readFileSync(resolve(root, '.github/workflows', name), 'utf8')));

describe('workflows', () => {
  it('builds installers on macOS, Windows and Linux runners for version tags', () => {
    const release = workflow('release.yml');
    expect(release.on).toHaveProperty('push', { tags: ['v*'] });
    const installers = release.jobs.installers!;
    const matrix = installers.strategy?.matrix;
    expect(matrix && 'include' in matrix && matrix.include.map((entry) => entry.os)).toEqual([
      'macos-latest',
      'windows-latest',
      'ubuntu-latest',
    ]);
    const runs = installers.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npm ci --prefix packaging --no-audit --no-fund',
        'npm run build',
        'npm run package -- ${{ matrix.platform }} --publish never',
      ]),
    );
  });

  it('runs the desktop suite on the real Electron on all three platforms before packaging', () => {
    const release = workflow('release.yml');
    const desktop = release.jobs.desktop!;
    expect(desktop.strategy?.matrix).toEqual({
      os: ['macos-latest', 'windows-latest', 'ubuntu-latest'],
    });
    expect(desktop.env).toMatchObject({ SN_DESKTOP_ELECTRON: '1' });
    const runs = desktop.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci --no-audit --no-fund',
        'npm run build',
        'npm run test:desktop',
        'xvfb-run --auto-servernum npm run test:desktop',
      ]),
    );
    expect(desktop.steps.some((step) => step.uses?.startsWith('actions/setup-java@'))).toBe(true);
    expect(release.jobs.installers?.needs).toBe('desktop');
  });

  it('runs the test command of .ci/run on every push and pull request', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.jobs.test?.steps.map((step) => step.run).filter(Boolean)).toEqual(['.ci/run']);
  });
});
