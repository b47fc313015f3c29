/**
 * The Workbench tab: the Cypher console and the smart-query catalogue, both sending their
 * results to the network view through the explorer and bringing the Explore tab forward.
 */
import { useCallback, useMemo, useState } from 'react';
import type { GraphData } from '@shared/api';
import { useClient } from '../../client/context';
import { useCommands } from '../../commands/context';
import { useAppData, useExplorer } from '../../state/context';
import { useStore } from '../../state/store';
import { drawLimitBasis } from '../../graph/draw-capacity';
import { SmartQueriesPanel } from '../smart-queries/SmartQueriesPanel';
import { ConsoleView } from './ConsoleView';
import { useDocumentTheme } from './use-document-theme';

type Pane = 'console' | 'smart';

export function WorkbenchScreen(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const { run } = useCommands();
  const filters = useStore(explorer.store, (s) => s.filters);
  const mode = useStore(explorer.store, (s) => s.mode);
  const maxNodes = useStore(explorer.store, (s) => s.maxDrawNodes);
  const capacity = useStore(explorer.store, (s) => s.drawCapacity);
  const drawLimit = useMemo(
    () => ({ maxNodes, basis: drawLimitBasis(maxNodes, capacity) }),
    [maxNodes, capacity],
  );
  const serverWrites = useStore(useAppData().store, (s) => s.settings?.allow_write_queries ?? null);
  const protection = useStore(useAppData().store, (s) => s.settings?.protection ?? 'confirm');
  const [pane, setPane] = useState<Pane>('console');
  const theme = useDocumentTheme();

  const show = useCallback(
    (graph: GraphData) => {
      explorer.showGraph(graph);
      // The result is in the network now; undo there returns to the previous graph.
      run('show-network');
    },
    [explorer, run],
  );

  return (
    <div className="workbench-screen">
      <div role="tablist" className="workbench-tabs" aria-label="Workbench">
        <button
          type="button"
          role="tab"
          aria-selected={pane === 'console'}
          onClick={() => setPane('console')}
        >
          Cypher console
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={pane === 'smart'}
          onClick={() => setPane('smart')}
        >
          Smart queries
        </button>
      </div>
      <div hidden={pane !== 'console'}>
        <ConsoleView
          client={client}
          onShowInNetwork={show}
          drawLimit={drawLimit}
          serverWrites={serverWrites}
          protection={protection}
          theme={theme}
        />
      </div>
      <div hidden={pane !== 'smart'}>
        <SmartQueriesPanel client={client} context={{ filters, mode }} onShowInNetwork={show} />
      </div>
    </div>
  );
}
