/**
 * While a large graph is drawn in chunks: how many of its nodes, then relationships, are in. A
 * graph still arriving (streamed) counts against its whole, and can be cancelled as its load.
 */
import { useExplorer } from '../../state/context';
import { useStore } from '../../state/store';

export function DrawingProgress(): React.JSX.Element | null {
  const explorer = useExplorer();
  const drawing = useStore(explorer.store, (s) => s.drawing);
  const arriving = useStore(explorer.store, (s) => s.stream !== null);
  if (!drawing) return null;
  const count = (n: number): string => n.toLocaleString('en-US');
  return (
    <div
      className="loading"
      aria-live="polite"
      data-testid="drawing-progress"
      data-phase={drawing.phase}
      data-done={drawing.done}
      data-total={drawing.total}
      data-arriving={arriving}
    >
      <span>
        Drawing {count(drawing.done)} of {count(drawing.total)} {drawing.phase}…
      </span>
      <progress value={drawing.done} max={Math.max(1, drawing.total)} />
      {arriving && (
        <button type="button" data-testid="cancel-load" onClick={explorer.cancelLoad}>
          Cancel
        </button>
      )}
    </div>
  );
}
