/** The keyboard shortcuts, listed from the same table the key handler uses. */
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      data-testid="help"
      onClick={onClose}
    >
      <div className="dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.action}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">Double-click a node to expand it; right-click for more.</p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
