/** Counts of what is drawn against what matched, and the layout's state. */
import { useCommands } from '../commands/context';
import { keyLabels } from '../commands/keymap';
import { useExplorer } from '../state/context';
import { useStore } from '../state/store';

export function StatusBar(): React.JSX.Element {
  const explorer = useExplorer();
  const load = useStore(explorer.store, (s) => s.load);
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const nodes = useStore(explorer.store, (s) => s.history.present.base.nodes.length);
  const { keys } = useCommands();
  const key = (id: 'help' | 'command-palette'): string => keyLabels(id, keys)[0] ?? '';
  return (
    <footer className="status-bar" data-panel="status">
      <span data-testid="status-text">
        {load.status === 'loading'
          ? 'Loading…'
          : load.totals
            ? `${nodes.toLocaleString('en-US')} loaded of ${load.totals.nodes.toLocaleString('en-US')} matching nodes`
            : 'Pick a region or apply a filter'}
      </span>
      <span>{running ? 'ForceAtlas2 running…' : ''}</span>
      <span className="muted" data-testid="status-keys">
        {key('help')} shortcuts · {key('command-palette')} commands
      </span>
    </footer>
  );
}
