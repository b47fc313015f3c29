/** Shown instead of the network when a result is larger than the guard allows. */
import { suggestNarrowing } from '../../graph/guard';
import { clearMaxDrawNodes, saveMaxDrawNodes } from '../../state/preferences';
import { useStore } from '../../state/store';
import { useAppData, useExplorer } from '../../state/context';

export function TooLargeGuard(): React.JSX.Element | null {
  const explorer = useExplorer();
  const s = useStore(explorer.store, (st) => st);
  const stats = useStore(useAppData().store, (d) => d.stats);
  if (!s.load.tooLarge || !s.load.totals) return null;
  const suggestions = suggestNarrowing(s.filters, s.mode, stats, s.maxDrawNodes);
  return (
    <div className="guard" role="alert" data-testid="too-large">
      <h3>
        {s.load.totals.nodes.toLocaleString('en-US')} nodes match: more than the{' '}
        {s.maxDrawNodes.toLocaleString('en-US')} this view draws.
      </h3>
      <p className="muted" data-testid="draw-capacity">
        {s.maxDrawNodes === s.drawCapacity.maxNodes
          ? `Draw limit ${s.drawCapacity.basis}.`
          : `Draw limit set by you; ${s.drawCapacity.maxNodes.toLocaleString('en-US')} ${s.drawCapacity.basis}.`}
      </p>
      <p>Narrow the filter:</p>
      <ul>
        {suggestions.map((sug) => (
          <li key={sug.text}>
            <button
              type="button"
              className="link"
              onClick={() => void explorer.applyFilters(sug.filters)}
            >
              {sug.text}
            </button>
            {sug.estimate !== null && (
              <span className="muted"> (about {sug.estimate.toLocaleString('en-US')} nodes)</span>
            )}
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="button" onClick={() => void explorer.drawAnyway()}>
          Draw the first {s.maxDrawNodes.toLocaleString('en-US')} anyway
        </button>
        <label>
          Draw limit{' '}
          <input
            key={s.maxDrawNodes}
            type="number"
            min={100}
            step={500}
            defaultValue={s.maxDrawNodes}
            aria-label="Largest graph to draw"
            onBlur={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 100) {
                saveMaxDrawNodes(n);
                explorer.setMaxDrawNodes(n);
                void explorer.load();
              }
            }}
          />
        </label>
        {s.maxDrawNodes !== s.drawCapacity.maxNodes && (
          <button
            type="button"
            onClick={() => {
              clearMaxDrawNodes();
              explorer.setMaxDrawNodes(s.drawCapacity.maxNodes);
              void explorer.load();
            }}
          >
            Use the measured limit
          </button>
        )}
      </div>
    </div>
  );
}
