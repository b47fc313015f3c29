/**
 * The app shell: header (status, regions, mode, search, tools, theme, help), tabs (Explore,
 * Workbench, Statistics and any plugged-in tab), errors, status bar and keyboard shortcuts.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MenuCommand } from '../../../shared/ipc';
import { useMenuCommand } from '../features/admin/use-menu-command';
import { ExploreScreen } from '../features/explore/ExploreScreen';
import { SearchBox } from '../features/search/SearchBox';
import { StatisticsView } from '../features/stats/StatisticsView';
import { tabs as pluginTabs, toolbarItems } from '../plugins';
import type { Theme } from '../state/preferences';
import { saveTheme } from '../state/preferences';
import { ConnectionPanel } from './connection/ConnectionPanel';
import { ConnectionStatus } from './ConnectionStatus';
import { ShellContext, useExplorer, type ShellActions } from './contexts';
import { ErrorBanner } from './ErrorBanner';
import { HelpOverlay } from './HelpOverlay';
import { ModeSwitch } from './ModeSwitch';
import { RegionSwitcher } from './RegionSwitcher';
import type { ShortcutAction } from './shortcuts';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './useShortcuts';

type TabId = string;

/** Native menu commands that bring a tab forward. */
const TAB_COMMANDS: Partial<Record<MenuCommand, TabId>> = {
  'show-network': 'explore',
  'show-console': 'workbench',
  'show-statistics': 'statistics',
};

export function Shell({ initialTheme }: { initialTheme: Theme }): React.JSX.Element {
  const explorer = useExplorer();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [tab, setTab] = useState<TabId>('explore');
  const [help, setHelp] = useState(false);
  const [connection, setConnection] = useState(false);
  const workbench = pluginTabs.find((t) => t.id === 'workbench');
  const extraTabs = pluginTabs.filter((t) => t.id !== 'workbench');

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    saveTheme(theme);
  }, [theme]);

  useEffect(() => {
    // The network was hidden: its canvas must learn its size again.
    if (tab === 'explore') explorer.getSigma()?.resize().refresh();
  }, [tab, explorer]);

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      const camera = explorer.getSigma()?.getCamera();
      const actions: Record<ShortcutAction, () => void> = {
        search: () => document.getElementById('search-input')?.focus(),
        fit: () => void camera?.animatedReset({ duration: 300 }),
        zoomIn: () => void camera?.animatedZoom({ duration: 200 }),
        zoomOut: () => void camera?.animatedUnzoom({ duration: 200 }),
        undo: explorer.undo,
        redo: explorer.redo,
        layout: () =>
          explorer.store.get().layoutRunning
            ? explorer.setLayoutRunning(false)
            : explorer.setLayoutKind('forceatlas2'),
        theme: () => setTheme((t) => (t === 'dark' ? 'light' : 'dark')),
        mode: () =>
          void explorer.setMode(
            explorer.store.get().mode === 'standard' ? 'recommendations' : 'standard',
          ),
        help: () => setHelp((h) => !h),
        escape: () => {
          setHelp(false);
          explorer.select(null);
        },
        explore: () => setTab('explore'),
        workbench: () => setTab('workbench'),
        statistics: () => setTab('statistics'),
      };
      actions[action]();
    },
    [explorer],
  );
  useShortcuts(onShortcut);

  const actions = useMemo<ShellActions>(
    () => ({ activateTab: setTab, openConnection: () => setConnection(true) }),
    [],
  );
  useMenuCommand((command) => {
    const target = TAB_COMMANDS[command];
    if (target) setTab(target);
    if (command === 'show-connection') setConnection(true);
  });

  const allTabs = [
    { id: 'explore', title: 'Explore' },
    { id: 'workbench', title: 'Workbench' },
    { id: 'statistics', title: 'Statistics' },
    ...extraTabs.map((t) => ({ id: t.id, title: t.title })),
  ];

  return (
    <ShellContext.Provider value={actions}>
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
          <button
            type="button"
            data-testid="theme-toggle"
            aria-label="Switch theme (T)"
            title="Switch theme (T)"
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            {theme === 'dark' ? '☀' : '☾'}
          </button>
          <button
            type="button"
            aria-label="Keyboard shortcuts (?)"
            title="Keyboard shortcuts (?)"
            onClick={() => setHelp(true)}
          >
            ?
          </button>
        </header>
        <nav className="tabs" role="tablist" data-panel="tabs">
          {allTabs.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              data-tab={t.id}
              onClick={() => setTab(t.id)}
            >
              {t.title}
            </button>
          ))}
        </nav>
        <ErrorBanner />
        <div className="screen" hidden={tab !== 'explore'}>
          <ExploreScreen theme={theme} />
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
          <div className="screen scroll">
            <StatisticsView />
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
        {help && <HelpOverlay onClose={() => setHelp(false)} />}
        <ConnectionPanel open={connection} onClose={() => setConnection(false)} />
      </div>
    </ShellContext.Provider>
  );
}
