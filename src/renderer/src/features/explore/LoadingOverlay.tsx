/**
 * While a graph loads: how long it has waited, a cancel button, and — once the database has
 * not answered for SLOW_MS — a plain statement of that.
 */
import { useEffect, useState } from 'react';
import { useExplorer } from '../../state/context';

/** The server's own read limit (QUERY_TIMEOUT_MS by default). */
const SLOW_MS = 30_000;

export function LoadingOverlay(): React.JSX.Element {
  const explorer = useExplorer();
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const seconds = Math.floor((now - started) / 1000);
  const slow = now - started >= SLOW_MS;
  return (
    <div className="loading" aria-live="polite" data-testid="loading" data-slow={slow}>
      <span>
        {slow
          ? `The database has not answered for ${seconds} s.`
          : `Loading…${seconds >= 2 ? ` ${seconds} s` : ''}`}
      </span>
      <button type="button" data-testid="cancel-load" onClick={explorer.cancelLoad}>
        Cancel
      </button>
    </div>
  );
}
