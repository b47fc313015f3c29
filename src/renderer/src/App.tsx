/**
 * Composition root of the renderer: one client, the explorer and the server facts built on it,
 * handed to the shell through context. The first region is loaded once the server answers.
 */
import { useEffect, useState } from 'react';
import { ClientContext } from './client/context';
import type { AppClient } from './client/types';
import { createAppData } from './state/app-data';
import { createExplorer } from './state/explorer';
import { probeWebgl } from './features/network/webgl-probe';
import { decideDrawCapacity } from './graph/draw-capacity';
import { loadMaxDrawNodes, loadTheme } from './state/preferences';
import { AppDataContext, ExplorerContext } from './state/context';
import { Shell } from './shell/Shell';

export function App({ client }: { client: AppClient }): React.JSX.Element {
  const [explorer] = useState(() =>
    createExplorer(client, loadMaxDrawNodes() ?? undefined, decideDrawCapacity(probeWebgl())),
  );
  const [appData] = useState(() => createAppData(client));
  const [theme] = useState(loadTheme);

  useEffect(() => appData.watchHealth(), [appData]);

  useEffect(() => {
    void appData.refresh().then(() => {
      const first = appData.store.get().stats?.regions[0]?.region;
      if (explorer.store.get().load.status === 'idle' && first)
        void explorer.applyFilters({ regions: [first] });
    });
  }, [appData, explorer]);

  return (
    <ClientContext.Provider value={client}>
      <ExplorerContext.Provider value={explorer}>
        <AppDataContext.Provider value={appData}>
          <Shell initialTheme={theme} />
        </AppDataContext.Provider>
      </ExplorerContext.Provider>
    </ClientContext.Provider>
  );
}
