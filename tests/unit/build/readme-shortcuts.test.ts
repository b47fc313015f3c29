import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shortcutsTable, withShortcuts } from '../../../scripts/shortcuts-doc';
import { COMMAND_IDS, commandSpec } from '../../../src/shared/commands';

const readme = readFileSync('README.md', 'utf8');

describe('README keyboard shortcuts', () => {
  it('is the table generated from the commands (npm run docs:shortcuts rewrites it)', () => {
    expect(withShortcuts(readme)).toBe(readme);
  });

  it('lists every command once', () => {
    const rows = shortcutsTable().split('\n').slice(2);
    expect(rows).toHaveLength(COMMAND_IDS.length);
    for (const [i, id] of COMMAND_IDS.entries())
      expect(rows[i]).toContain(`${commandSpec(id).group} › ${commandSpec(id).title}`);
  });
});
