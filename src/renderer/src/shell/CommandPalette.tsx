/**
 * The command palette: type to filter the command table, arrows to move, Enter to run, Esc to
 * close. Commands that cannot run now stay listed, greyed, with the reason.
 */
import { useEffect, useState } from 'react';
import type { CommandRunner } from '../commands/context';
import { paletteItems } from '../commands/palette';

export function CommandPalette({
  runner,
  onClose,
}: {
  runner: CommandRunner;
  onClose: () => void;
}): React.JSX.Element {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const items = paletteItems(query, runner);
  const current = Math.min(active, Math.max(items.length - 1, 0));
  const currentId = items[current]?.id;

  useEffect(() => {
    // Arrow keys move past the visible part of a long list.
    if (currentId)
      document.getElementById(`palette-${currentId}`)?.scrollIntoView({ block: 'nearest' });
  }, [currentId]);

  const choose = (index: number): void => {
    const item = items[index];
    if (!item || item.reason !== null) return;
    onClose();
    runner.run(item.id);
  };

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const move = moves[e.key];
    if (move !== undefined && items.length > 0) {
      setActive((current + move + items.length) % items.length);
    } else if (e.key === 'Enter') {
      choose(current);
    } else if (e.key === 'Escape') {
      onClose();
    } else {
      return;
    }
    // Handled here: the app's own key handler must not act on it too.
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <div className="overlay palette-overlay" onClick={onClose}>
      <div
        className="dialog palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        data-testid="palette"
        onClick={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={currentId && `palette-${currentId}`}
          aria-label="Command"
          placeholder="Type a command…"
          data-testid="palette-input"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands" className="palette-list">
          {items.length === 0 && <li className="muted">No command matches.</li>}
          {items.map((item, index) => (
            <li
              key={item.id}
              id={`palette-${item.id}`}
              role="option"
              aria-selected={index === current}
              aria-disabled={item.reason !== null}
              data-command={item.id}
              onMouseMove={() => setActive(index)}
              onClick={() => choose(index)}
            >
              <span className="palette-title">
                <span className="muted">{item.group} › </span>
                {item.title}
              </span>
              {item.reason !== null ? (
                <span className="muted small">{item.reason}</span>
              ) : (
                <span className="keys">
                  {item.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
