/** Standard (coverage) or recommendations (incumbent → recommended product) network. */
import { GRAPH_MODES } from '@shared/domain';
import { useStore } from '../state/store';
import { useExplorer } from '../state/context';

const TITLES = { standard: 'Standard', recommendations: 'Recommendations' } as const;

export function ModeSwitch(): React.JSX.Element {
  const explorer = useExplorer();
  const mode = useStore(explorer.store, (s) => s.mode);
  return (
    <div className="mode" role="group" aria-label="Mode" data-testid="mode" data-mode={mode}>
      {GRAPH_MODES.map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={mode === m}
          data-mode-option={m}
          onClick={() => void explorer.setMode(m)}
        >
          {TITLES[m]}
        </button>
      ))}
    </div>
  );
}
