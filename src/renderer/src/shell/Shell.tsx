/**
 * The app shell: header (status, regions, mode, search, tools, theme, help), tabs (Explore,
 * Workbench, Statistics and any plugged-in tab), errors, status bar, the shortcuts overlay and
 * the command palette. Keys, the native menu and the palette run the shared command table.
 */
import { useEffect, useState } from 'react';
import { useClient } from '../client/context';
import { CommandsContext, useCommand } from '../commands/context';
import { detectPlatform, type KeyContext } from '../commands/keymap';
import { ToolsContext, createToolRegistry } from '../commands/tools';
import { ExploreScreen } from '../features/explore/ExploreScreen';
import { SearchBox } from '../features/search/SearchBox';
import { StatisticsView } from '../features/stats/StatisticsView';
import { tabs as pluginTabs, toolbarItems } from '../plugins';
import type { Theme } from '../state/preferences';
import { saveTheme } from '../state/preferences';
import { useStore } from '../state/store';
import type { CommandContext } from './command-table';
import { CommandPalette } from './CommandPalette';
import { ConnectionPanel } from './connection/ConnectionPanel';
import { ConnectionStatus } from './ConnectionStatus';
import { useAppData, useEditing, useExplorer } from '../state/context';
import { ErrorBanner } from './ErrorBanner';
import { HelpOverlay } from './HelpOverlay';
import { ModeSwitch } from './ModeSwitch';
import { RegionSwitcher } from './RegionSwitcher';
import { createShellState } from './shell-state';
import { StatusBar } from './StatusBar';
import { useCommandRouting } from './useCommandRouting';
import { CreateNodeDialog } from '../features/edit/CreateNodeDialog';
import { UndoDialog } from '../features/edit/UndoDialog';

const TABS = [
  { id: 'explore', title: 'Explore' },
  { id: 'workbench', title: 'Workbench' },
  { id: 'statistics', title: 'Statistics' },
];

export function Shell({ initialTheme }: { initialTheme: Theme }): React.JSX.Element {
  const explorer = useExplorer();
  const appData = useAppData();
  const editing = useEditing();
  const desktop = useClient().desktop;
  const [ctx] = useState<CommandContext>(() => ({
    explorer,
    appData,
    editing,
    shell: createShellState(initialTheme),
    tools: createToolRegistry(),
  }));
  const [keys] = useState<KeyContext>(() => ({
    flavour: desktop ? 'desktop' : 'web',
    platform: detectPlatform(navigator.userAgent),
  }));
  const runner = useCommandRouting(ctx, keys, desktop);
  const { tab, theme, overlay, filtersOpen, statisticsRegion } = useStore(ctx.shell, (s) => s);
  const workbench = pluginTabs.find((t) => t.id === 'workbench');
  const extraTabs = pluginTabs.filter((t) => t.id !== 'workbench');
  const closeOverlay = (): void => ctx.shell.set((s) => ({ ...s, overlay: null }));

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    saveTheme(theme);
  }, [theme]);

  useEffect(() => {
    // The network was hidden or resized: its canvas must learn its size again.
    if (tab === 'explore') explorer.getSigma()?.resize().refresh();
  }, [tab, filtersOpen, explorer]);

  const allTabs = [...TABS, ...extraTabs.map((t) => ({ id: t.id, title: t.title }))];

  return (
    <CommandsContext.Provider value={runner}>
      <ToolsContext.Provider value={ctx.tools}>
        <div className="shell">
          <header className="header" data-panel="header">
            <strong className="brand">Smart Network</strong>
            <ConnectionStatus />
            <RegionSwitcher />
            <ModeSwitch />
            <SearchBox />
            <div className="tools" data-slot="toolbar" role="toolbar" aria-label="Tools">
              {toolbarItems.map((item) => (
                <span key={item.id}>{item.render()}</span>
              ))}
            </div>
            <CommandButton id="toggle-theme" testId="theme-toggle">
              {theme === 'dark' ? '☀' : '☾'}
            </CommandButton>
            <CommandButton id="command-palette" testId="palette-open">
              ⋯
            </CommandButton>
            <CommandButton id="help" testId="help-open">
              ?
            </CommandButton>
          </header>
          <nav className="tabs" role="tablist" data-panel="tabs">
            {allTabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={tab === t.id}
                data-tab={t.id}
                onClick={() => ctx.shell.set((s) => ({ ...s, tab: t.id }))}
              >
                {t.title}
              </button>
            ))}
          </nav>
          <ErrorBanner />
          <div className="screen" hidden={tab !== 'explore'}>
            <ExploreScreen theme={theme} filtersOpen={filtersOpen} />
          </div>
          {tab === 'workbench' && (
            <div className="screen scroll">
              {workbench ? (
                workbench.render()
              ) : (
                <p className="muted">The workbench is not available in this build.</p>
              )}
            </div>
          )}
          {tab === 'statistics' && (
            <div className="screen scroll" data-panel="statistics">
              <StatisticsView
                region={statisticsRegion}
                onRegion={(region) => ctx.shell.set((s) => ({ ...s, statisticsRegion: region }))}
                onShowNode={(node) => {
                  ctx.shell.set((s) => ({ ...s, tab: 'explore' }));
                  void explorer.showNode(node);
                }}
              />
            </div>
          )}
          {extraTabs.map(
            (t) =>
              tab === t.id && (
                <div key={t.id} className="screen scroll">
                  {t.render()}
                </div>
              ),
          )}
          <StatusBar />
          {overlay === 'help' && <HelpOverlay keys={keys} onClose={closeOverlay} />}
          {overlay === 'palette' && <CommandPalette runner={runner} onClose={closeOverlay} />}
          <ConnectionPanel open={overlay === 'connection'} onClose={closeOverlay} />
          {overlay === 'undo-edit' && <UndoDialog onClose={closeOverlay} />}
          {overlay === 'create-node' && <CreateNodeDialog onClose={closeOverlay} />}
        </div>
      </ToolsContext.Provider>
    </CommandsContext.Provider>
  );
}

/** A header button that runs a command, its tooltip read from the table. */
function CommandButton(props: {
  id: 'toggle-theme' | 'command-palette' | 'help';
  testId: string;
  children: React.ReactNode;
}): React.JSX.Element {
  const command = useCommand(props.id);
  return (
    <button
      type="button"
      data-testid={props.testId}
      aria-label={command.hint}
      title={command.hint}
      onClick={command.run}
    >
      {props.children}
    </button>
  );
}
