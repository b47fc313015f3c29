/** Server and database health at a glance, with a retry when something is down. */
import { useStore } from '../state/store';
import { useAppData } from './contexts';

export function ConnectionStatus(): React.JSX.Element {
  const data = useAppData();
  const { health, status, error } = useStore(data.store, (s) => s);
  const ok = status !== 'error' && health?.status === 'ok';
  const title = health
    ? `${health.database.uri} · Neo4j ${health.database.version ?? '?'} ${health.database.edition ?? ''}` +
      (health.database.latency_ms !== null ? ` · ${health.database.latency_ms.toFixed(0)} ms` : '')
    : (error ?? 'Connecting…');
  return (
    <div
      className="connection"
      data-testid="connection"
      data-status={ok ? 'ok' : status}
      title={title}
    >
      <span className={`dot ${ok ? 'ok' : status === 'loading' ? 'pending' : 'down'}`} />
      {ok
        ? `Connected${health.database.managed ? ' (local)' : ''}`
        : status === 'loading'
          ? 'Connecting…'
          : 'Disconnected'}
      {status === 'error' && (
        <button type="button" onClick={() => void data.refresh()}>
          Retry
        </button>
      )}
    </div>
  );
}
