/**
 * Server and database health at a glance, with a retry when something is down; the status
 * opens the connection panel.
 */
import type { ProtectionLevel } from '@shared/api';
import { useCommand } from '../commands/context';
import { useStore } from '../state/store';
import { useAppData } from '../state/context';

const PROTECTION_BADGE = {
  'read-only': {
    text: 'Read-only',
    title: 'Protection: every session is read-only, writes are refused',
  },
  confirm: {
    text: 'Confirm',
    title: 'Protection: each write asks for confirmation before it runs',
  },
  free: { text: 'Free', title: 'Protection: writes run without asking' },
} as const satisfies Record<ProtectionLevel, { text: string; title: string }>;

export function ConnectionStatus(): React.JSX.Element {
  const data = useAppData();
  const connection = useCommand('show-connection');
  const { health, settings, status, error } = useStore(data.store, (s) => s);
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
      <button
        type="button"
        className="link"
        data-testid="connection-open"
        aria-label="Connection details"
        onClick={connection.run}
      >
        <span className={`dot ${ok ? 'ok' : status === 'loading' ? 'pending' : 'down'}`} />
        {ok
          ? `Connected${health.database.managed ? ' (local)' : ''}`
          : status === 'loading'
            ? 'Connecting…'
            : 'Disconnected'}
      </button>
      {settings && (
        <span
          className="protection-badge"
          data-testid="protection-badge"
          data-level={settings.protection}
          title={PROTECTION_BADGE[settings.protection].title}
        >
          {PROTECTION_BADGE[settings.protection].text}
        </span>
      )}
      {status === 'error' && (
        <button type="button" onClick={() => void data.refresh()}>
          Retry
        </button>
      )}
    </div>
  );
}
