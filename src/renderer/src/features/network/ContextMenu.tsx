/**
 * The node menu: expand (and load more past the supernode guard), collapse, collapse its subtree
 * into a group (or expand a group), paths, focus.
 */
import { useEffect } from 'react';
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
    <ul
      className="context-menu"
      role="menu"
      data-testid="context-menu"
      style={{ left: request.x, top: request.y }}
    >
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
      <li role="menuitem" onClick={act(() => explorer.focusNode(request.node))}>
        Centre on node
      </li>
    </ul>
  );
}
