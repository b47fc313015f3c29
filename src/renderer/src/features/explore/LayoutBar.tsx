/** Layout, appearance and history controls above the network. */
import { useCommand } from '../../commands/context';
import { SIZE_METRICS, SizeMetric } from '../../graph/appearance';
import { canRedo, canUndo } from '../../graph/history';
import { useStore } from '../../state/store';
import { useExplorer } from '../../state/context';

export function LayoutBar(): React.JSX.Element {
  const explorer = useExplorer();
  const running = useStore(explorer.store, (s) => s.layoutRunning);
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const undoable = useStore(explorer.store, (s) => canUndo(s.history));
  const redoable = useStore(explorer.store, (s) => canRedo(s.history));
  const layout = useCommand('toggle-layout');
  const back = useCommand('back');
  const forward = useCommand('forward');
  return (
    <div className="layout-bar" role="toolbar" aria-label="Layout" data-panel="layout-bar">
      <button
        type="button"
        data-testid="fa2-toggle"
        aria-pressed={running}
        title={layout.hint}
        onClick={layout.run}
      >
        {running ? 'Stop ForceAtlas2' : 'ForceAtlas2'}
      </button>
      <button type="button" onClick={() => explorer.setLayoutKind('layered')}>
        Layered
      </button>
      <button type="button" onClick={() => explorer.setLayoutKind('circular')}>
        Circular
      </button>
      <label>
        Size by{' '}
        <select
          value={appearance.sizeBy}
          onChange={(e) =>
            explorer.setAppearance({ ...appearance, sizeBy: SizeMetric.parse(e.target.value) })
          }
        >
          {SIZE_METRICS.map((m) => (
            <option key={m} value={m}>
              {m.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <label>
        Labels{' '}
        <select
          value={appearance.labels}
          onChange={(e) => {
            const labels = e.target.value;
            if (labels === 'auto' || labels === 'all' || labels === 'none')
              explorer.setAppearance({ ...appearance, labels });
          }}
        >
          <option value="auto">by zoom</option>
          <option value="all">all</option>
          <option value="none">none</option>
        </select>
      </label>
      <span className="spacer" />
      <button
        type="button"
        data-testid="undo"
        disabled={!undoable}
        onClick={back.run}
        title={back.hint}
      >
        {back.title}
      </button>
      <button
        type="button"
        data-testid="redo"
        disabled={!redoable}
        onClick={forward.run}
        title={forward.hint}
      >
        {forward.title}
      </button>
    </div>
  );
}
