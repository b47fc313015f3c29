/**
 * The connection as a browser sees it: read-only status from the server's health. Which
 * database the server uses is decided where it runs, so this only says where to change it.
 */
import { useStore } from '../../state/store';
import { useAppData } from '../../state/context';
import { healthRows } from './connection-model';
import { InfoRows } from './InfoRows';

export function BrowserConnection(): React.JSX.Element {
  const data = useAppData();
  const { health, status, error } = useStore(data.store, (s) => s);
  return (
    <div className="connection-panel">
      {health ? (
        <InfoRows rows={healthRows(health)} testId="connection-health" />
      ) : (
        <p className="muted">{status === 'loading' ? 'Asking the server…' : error}</p>
      )}
      {status === 'error' && health && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      <p className="muted" data-testid="connection-profiles-note">
        Connection profiles are managed in the desktop app. A server started with{' '}
        <code>npm run serve</code> takes its database from the environment: <code>NEO4J_URI</code>,{' '}
        <code>NEO4J_USERNAME</code>, <code>NEO4J_PASSWORD</code> and <code>NEO4J_DATABASE</code> (no
        URI: a managed local Neo4j).
      </p>
      <div className="modal-actions">
        <button type="button" disabled={status === 'loading'} onClick={() => void data.refresh()}>
          Check again
        </button>
      </div>
    </div>
  );
}
