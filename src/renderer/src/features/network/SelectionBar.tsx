/**
 * Over the network while several nodes are selected (Shift/Ctrl+click): how many, the shortest
 * paths between them when they are two, and clearing the selection (Esc) — the same commands as
 * their keys.
 */
import { useCommand, useCommands } from '../../commands/context';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';

export function SelectionBar({ explorer }: { explorer: Explorer }): React.JSX.Element | null {
  // Re-render when the selection changes; what is drawn of it is worked out from the graph.
  useStore(explorer.store, (s) => s.selectedNodes);
  useStore(explorer.store, (s) => s.selection);
  const runner = useCommands();
  const paths = useCommand('paths-between-selected');
  const clear = useCommand('clear-selection');
  const count = explorer.drawnSelection().length;
  if (count < 2) return null;
  const why = runner.whyDisabled('paths-between-selected');
  return (
    <div
      className="selection-bar"
      role="toolbar"
      aria-label="Selection"
      data-testid="selection-bar"
      data-count={count}
      data-overlay
    >
      <span data-testid="selection-count">
        <strong>{count}</strong> nodes selected
      </span>
      <button
        type="button"
        data-testid="selection-paths"
        title={why ?? paths.hint}
        disabled={why !== null}
        onClick={paths.run}
      >
        Shortest paths
      </button>
      <button type="button" data-testid="selection-clear" title={clear.hint} onClick={clear.run}>
        Clear
      </button>
    </div>
  );
}
