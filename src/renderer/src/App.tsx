/**
 * Composition root of the renderer: one client, the explorer, the server facts and the edits
 * built on it, handed to the shell through context. The first region is loaded once the server answers.
 */
import { useEffect, useState } from 'react';
import { ClientContext } from './client/context';
import type { AppClient } from './client/types';
import { createAppData } from './state/app-data';
import { createEditing } from './state/editing';
import { createExplorer } from './state/explorer';
import { probeWebgl } from './features/network/webgl-probe';
import { decideDrawCapacity } from './graph/draw-capacity';
import { loadMaxDrawNodes, loadTheme } from './state/preferences';
import { AppDataContext, EditingContext, ExplorerContext } from './state/context';
import { Shell } from './shell/Shell';

export function App({ client }: { client: AppClient }): React.JSX.Element {
  const [explorer] = useState(() =>
    createExplorer(client, loadMaxDrawNodes() ?? undefined, decideDrawCapacity(probeWebgl())),
  );
  const [appData] = useState(() => createAppData(client));
  const [editing] = useState(() => createEditing(client, explorer));
  const [theme] = useState(loadTheme);

  useEffect(() => appData.watchHealth(), [appData]);

  useEffect(() => {
    void appData.refresh().then(() => {
      // Whether this client has an edit to undo (one made before the window was reloaded).
      editing.refreshUndo().catch(() => undefined);
      const first = appData.store.get().stats?.regions[0]?.region;
      if (explorer.store.get().load.status === 'idle' && first)
        void explorer.applyFilters({ regions: [first] });
    });
  }, [appData, explorer, editing]);

  return (
    <ClientContext.Provider value={client}>
      <ExplorerContext.Provider value={explorer}>
        <AppDataContext.Provider value={appData}>
          <EditingContext.Provider value={editing}>
            <Shell initialTheme={theme} />
          </EditingContext.Provider>
        </AppDataContext.Provider>
      </ExplorerContext.Provider>
    </ClientContext.Provider>
  );
}
