/**
 * Counts of what is drawn (the canvas's own graph) against what matched, the layout's state and
 * what the latest edit did.
 */
import { useCommands } from '../commands/context';
import { keyLabels } from '../commands/keymap';
import { useGraphSize } from '../hooks/useGraphSize';
import { useEditing, useExplorer } from '../state/context';
import { matchedNodes } from '../state/explorer-state';
import { useStore } from '../state/store';

export function StatusBar(): React.JSX.Element {
  const explorer = useExplorer();
  const load = useStore(explorer.store, (s) => s.load);
  const matched = useStore(explorer.store, (s) => matchedNodes(s.load, s.maxDrawNodes));
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const drawn = useGraphSize(explorer.graph);
  const notice = useStore(useEditing().store, (s) => s.notice);
  const count = (n: number): string => n.toLocaleString('en-US');
  const { keys } = useCommands();
  const key = (id: 'help' | 'command-palette'): string => keyLabels(id, keys)[0] ?? '';
  return (
    <footer className="status-bar" data-panel="status">
      <span data-testid="status-text" data-drawn-nodes={drawn.nodes} data-drawn-edges={drawn.edges}>
        {load.status === 'loading'
          ? 'Loading…'
          : matched !== null
            ? `${count(drawn.nodes)} nodes and ${count(drawn.edges)} relationships drawn · ` +
              `${matched} nodes matched`
            : 'Pick a region or apply a filter'}
      </span>
      <span>{running ? 'ForceAtlas2 running…' : ''}</span>
      {notice && (
        <span
          className={notice.error ? 'error-text edit-notice' : 'edit-notice'}
          data-testid="edit-notice"
          title={notice.text}
        >
          {notice.text}
        </span>
      )}
      <span className="muted" data-testid="status-keys">
        {key('help')} shortcuts · {key('command-palette')} commands
      </span>
    </footer>
  );
}
