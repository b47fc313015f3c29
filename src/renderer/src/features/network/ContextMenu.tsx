/**
 * The node menu: expand (and load more past the supernode guard), collapse, collapse its subtree
 * into a group (or expand a group), paths to another node, shortest paths between the two
 * selected nodes, focus.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { deriveDataset, expansionOf } from '../../graph/exploration';
import { canCollapse, isGroupKey } from '../../graph/grouping';
import type { Explorer } from '../../state/explorer';
import { useStore } from '../../state/store';
import type { ContextMenuRequest } from './EventsController';

export function ContextMenu({
  explorer,
  request,
  onClose,
}: {
  explorer: Explorer;
  request: ContextMenuRequest;
  onClose: () => void;
}): React.JSX.Element {
  // Select the stable exploration value; the paging object is derived per render.
  const exploration = useStore(explorer.store, (s) => s.history.present);
  const paging = expansionOf(exploration, request.node);
  const group = isGroupKey(request.node);
  const collapsible = !group && canCollapse(deriveDataset(exploration), request.node);
  const previous = useStore(explorer.store, (s) => s.previousNode);
  const other = previous !== request.node ? previous : null;
  // Re-render when the selection changes; the pair itself is worked out from it.
  useStore(explorer.store, (s) => s.selectedNodes);
  const pair = explorer.selectedPair();
  // Opened near the network's right or bottom edge, the menu moves in so that all of it shows.
  const list = useRef<HTMLUListElement>(null);
  const [at, setAt] = useState({ left: request.x, top: request.y });
  useLayoutEffect(() => {
    const menu = list.current;
    const host = menu?.parentElement;
    if (!menu || !host) return;
    const left = Math.max(0, Math.min(request.x, host.clientWidth - menu.offsetWidth - 4));
    const top = Math.max(0, Math.min(request.y, host.clientHeight - menu.offsetHeight - 4));
    setAt((was) => (was.left === left && was.top === top ? was : { left, top }));
  }, [request.x, request.y]);
  useEffect(() => {
    const close = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [onClose]);
  const act = (fn: () => void) => () => {
    fn();
    onClose();
  };
  return (
    <ul ref={list} className="context-menu" role="menu" data-testid="context-menu" style={at}>
      {!paging && !group && (
        <li role="menuitem" onClick={act(() => void explorer.expandNode(request.node))}>
          Expand neighbours
        </li>
      )}
      {paging?.hasMore && (
        <li role="menuitem" onClick={act(() => void explorer.expandNode(request.node, true))}>
          Load more (+{paging.total - paging.loaded})
        </li>
      )}
      {paging && (
        <li role="menuitem" onClick={act(() => explorer.collapseNode(request.node))}>
          Collapse
        </li>
      )}
      {(group || collapsible) && (
        <li
          role="menuitem"
          data-testid="toggle-group"
          onClick={act(() => explorer.toggleGroup(request.node))}
        >
          {group ? 'Expand group' : 'Collapse into group'}
        </li>
      )}
      <li role="menuitem" onClick={act(() => explorer.openPaths(request.node, other))}>
        Paths to…
      </li>
      <li
        role="menuitem"
        data-testid="paths-between-selected"
        aria-disabled={pair ? undefined : true}
        title={pair ? undefined : 'Select exactly two nodes (Shift+click adds one)'}
        onClick={pair ? act(explorer.pathsBetweenSelected) : undefined}
      >
        Shortest paths between selected
      </li>
      <li role="menuitem" onClick={act(() => explorer.focusNode(request.node))}>
        Centre on node
      </li>
    </ul>
  );
}
