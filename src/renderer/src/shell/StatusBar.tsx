/** Counts of what is drawn against what matched, and the layout's state. */
import { useStore } from '../state/store';
import { useExplorer } from '../state/context';

export function StatusBar(): React.JSX.Element {
  const explorer = useExplorer();
  const load = useStore(explorer.store, (s) => s.load);
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const nodes = useStore(explorer.store, (s) => s.history.present.base.nodes.length);
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
      <span className="muted">Press ? for shortcuts</span>
    </footer>
  );
}
