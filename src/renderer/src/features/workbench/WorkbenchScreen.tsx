/**
 * The Workbench tab: the Cypher console and the smart-query catalogue, both sending their
 * results to the network view through the explorer.
 */
import { useCallback, useState } from 'react';
import type { GraphData } from '../../../../shared/api';
import { useClient } from '../../client/context';
import { useExplorer } from '../../shell/contexts';
import { useStore } from '../../state/store';
import { SmartQueriesPanel } from '../smart-queries/SmartQueriesPanel';
import { ConsoleView } from './ConsoleView';
import { useDocumentTheme } from './use-document-theme';

type Pane = 'console' | 'smart';

export function WorkbenchScreen(): React.JSX.Element {
  const client = useClient();
  const explorer = useExplorer();
  const filters = useStore(explorer.store, (s) => s.filters);
  const mode = useStore(explorer.store, (s) => s.mode);
  const [pane, setPane] = useState<Pane>('console');
  const [shown, setShown] = useState<string | null>(null);
  const theme = useDocumentTheme();

  const show = useCallback(
    (graph: GraphData) => {
      explorer.showGraph(graph);
      setShown(
        `${graph.nodes.length.toLocaleString('en-US')} nodes and ${graph.relationships.length.toLocaleString('en-US')} relationships are now in the network (Explore tab; undo returns to the previous graph).`,
      );
    },
    [explorer],
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
      {shown && (
        <p role="status" className="message" data-testid="shown-in-network">
          {shown}
        </p>
      )}
      <div hidden={pane !== 'console'}>
        <ConsoleView client={client} onShowInNetwork={show} theme={theme} />
      </div>
      <div hidden={pane !== 'smart'}>
        <SmartQueriesPanel client={client} context={{ filters, mode }} onShowInNetwork={show} />
      </div>
    </div>
  );
}
