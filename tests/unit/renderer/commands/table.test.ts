import { describe, expect, it, vi } from 'vitest';
import type { CommandRunner } from '../../../../src/renderer/src/commands/context';
import type { KeyContext } from '../../../../src/renderer/src/commands/keymap';
import { paletteItems } from '../../../../src/renderer/src/commands/palette';
import { createToolRegistry } from '../../../../src/renderer/src/commands/tools';
import {
  COMMAND_TABLE,
  runCommand,
  whyDisabled,
  type CommandContext,
} from '../../../../src/renderer/src/shell/command-table';
import { createShellState } from '../../../../src/renderer/src/shell/shell-state';
import { createAppData } from '../../../../src/renderer/src/state/app-data';
import { createEditing } from '../../../../src/renderer/src/state/editing';
import { createExplorer } from '../../../../src/renderer/src/state/explorer';
import { COMMAND_IDS, commandSpec } from '../../../../src/shared/commands';
import type { Client } from '../../../../src/shared/contract';
import { OPERATION_NAMES } from '../../../../src/shared/contract';
import { base } from '../fixtures';

const WEB: KeyContext = { flavour: 'web', platform: 'other' };

/** These tests never reach the backend: every operation refuses. */
const offline = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, () => Promise.reject(new Error(`${name} called`))]),
) as unknown as Client;

function context(): CommandContext {
  const explorer = createExplorer(offline);
  return {
    explorer,
    appData: createAppData(offline),
    editing: createEditing(offline, explorer),
    shell: createShellState('light'),
    tools: createToolRegistry(),
  };
}

describe('command table', () => {
  it('has what to run for every command of the shared table', () => {
    expect(Object.keys(COMMAND_TABLE).sort()).toEqual([...COMMAND_IDS].sort());
  });

  it('switches tabs, theme and overlays', () => {
    const ctx = context();
    runCommand('show-statistics', ctx);
    expect(ctx.shell.get().tab).toBe('statistics');
    runCommand('show-console', ctx);
    expect(ctx.shell.get().tab).toBe('workbench');
    runCommand('show-network', ctx);
    expect(ctx.shell.get().tab).toBe('explore');
    runCommand('toggle-theme', ctx);
    expect(ctx.shell.get().theme).toBe('dark');
    runCommand('help', ctx);
    expect(ctx.shell.get().overlay).toBe('help');
    runCommand('command-palette', ctx);
    expect(ctx.shell.get().overlay).toBe('palette');
    runCommand('command-palette', ctx);
    expect(ctx.shell.get().overlay).toBeNull();
    runCommand('show-connection', ctx);
    expect(ctx.shell.get().overlay).toBe('connection');
    ctx.explorer.select({ kind: 'node', key: 'CONSULTANT:C1' });
    runCommand('clear-selection', ctx);
    expect(ctx.shell.get().overlay).toBeNull();
    expect(ctx.explorer.store.get().selection).toBeNull();
  });

  it('hides and shows the filters on Explore, and shows them from another tab', () => {
    const ctx = context();
    runCommand('toggle-filters', ctx);
    expect(ctx.shell.get().filtersOpen).toBe(false);
    runCommand('show-statistics', ctx);
    runCommand('toggle-filters', ctx);
    expect(ctx.shell.get()).toMatchObject({ tab: 'explore', filtersOpen: true });
    runCommand('toggle-filters', ctx);
    expect(ctx.shell.get().filtersOpen).toBe(false);
  });

  it('goes back and forward through exploration steps, and says when it cannot', () => {
    const ctx = context();
    expect(runCommand('back', ctx)).toBe('Nothing to go back to');
    ctx.explorer.showGraph(base);
    expect(whyDisabled('back', ctx)).toBeNull();
    expect(runCommand('back', ctx)).toBeNull();
    expect(ctx.explorer.store.get().history.present.base.nodes).toHaveLength(0);
    expect(whyDisabled('forward', ctx)).toBeNull();
    runCommand('forward', ctx);
    expect(ctx.explorer.store.get().history.present.base.nodes).toHaveLength(base.nodes.length);
    expect(whyDisabled('forward', ctx)).toBe('Nothing to go forward to');
  });

  it('reaches header tools while they are there, and is disabled without them', () => {
    const ctx = context();
    expect(whyDisabled('export-png', ctx)).toBe('Not available in this build');
    const exporter = { run: vi.fn(() => Promise.resolve()), choose: vi.fn() };
    const data = { open: vi.fn() };
    const withdraw = ctx.tools.provide('export', () => exporter);
    ctx.tools.provide('data', () => data);
    runCommand('export-png', ctx);
    runCommand('export-table', ctx);
    runCommand('export-graph', ctx);
    runCommand('generate', ctx);
    runCommand('clear', ctx);
    expect(exporter.run.mock.calls).toEqual([['png'], ['coverage-xlsx']]);
    expect(exporter.choose).toHaveBeenCalledTimes(1);
    expect(data.open.mock.calls).toEqual([['generate'], ['clear']]);
    withdraw();
    expect(whyDisabled('export-graph', ctx)).toBe('Not available in this build');
  });

  it('moves the camera only on the Explore tab with a network', () => {
    const ctx = context();
    // No network view is mounted in these tests.
    for (const id of ['fit', 'zoom-in', 'zoom-out', 'toggle-layout'] as const)
      expect(whyDisabled(id, ctx)).toBe('Only on the Explore tab');
  });
});

describe('command palette list', () => {
  const runner = (reasons: Partial<Record<string, string>> = {}): CommandRunner => ({
    keys: WEB,
    run: () => undefined,
    whyDisabled: (id) => reasons[id] ?? null,
  });

  it('lists every command but itself, in table order, with its keys', () => {
    const items = paletteItems('', runner());
    expect(items.map((i) => i.id)).toEqual(COMMAND_IDS.filter((id) => id !== 'command-palette'));
    expect(items.find((i) => i.id === 'show-statistics')?.keys).toEqual(['Alt+3']);
  });

  it('filters fuzzily by title, group and keywords, best first', () => {
    expect(paletteItems('dark', runner())[0]?.id).toBe('toggle-theme');
    expect(paletteItems('gsd', runner())[0]?.id).toBe('generate');
    expect(paletteItems('graphml', runner())[0]?.id).toBe('export-graph');
    expect(paletteItems('stats', runner())[0]?.id).toBe('show-statistics');
    expect(paletteItems('qqqq', runner())).toEqual([]);
  });

  it('puts a command first when its title is typed', () => {
    for (const id of COMMAND_IDS.filter((c) => c !== 'command-palette'))
      expect(paletteItems(commandSpec(id).title, runner())[0]?.id, id).toBe(id);
  });

  it('carries the reason a command cannot run', () => {
    const items = paletteItems('back', runner({ back: 'Nothing to go back to' }));
    expect(items[0]).toMatchObject({ id: 'back', reason: 'Nothing to go back to' });
  });
});
