/**
 * The connection on the desktop: the backend's start-up state (live), where the app keeps its
 * files, and the connection profiles with add, edit, delete, test and switch. Passwords stay in
 * main; this side only ever sends one that was typed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ProfileList } from '@shared/desktop';
import type { DesktopClient } from '../../client/types';
import { errorMessage } from '../../state/errors';
import { useAppData, useExplorer } from '../../state/context';
import { appInfoRows, emptyProfileForm, profileForm, type ProfileForm } from './connection-model';
import { InfoRows } from './InfoRows';
import { ProfileEditor } from './ProfileEditor';
import { useDesktopStatus } from './use-desktop-status';

export function DesktopConnection({ desktop }: { desktop: DesktopClient }): React.JSX.Element {
  const appData = useAppData();
  const explorer = useExplorer();
  const status = useDesktopStatus(desktop);
  const [list, setList] = useState<ProfileList | null>(null);
  const [editing, setEditing] = useState<ProfileForm | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () => desktop.listProfiles({}).then(setList, (e: unknown) => setError(errorMessage(e))),
    [desktop],
  );
  useEffect(() => {
    let live = true;
    desktop.listProfiles({}).then(
      (next) => live && setList(next),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [desktop]);

  async function run(work: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const activate = (id: string | null): Promise<void> =>
    run(async () => {
      status.update(await desktop.activateProfile({ id }));
      await reload();
      // Another database: statistics, options and the network all come from it now.
      await appData.refresh();
      await explorer.load();
    });

  const remove = (id: string): Promise<void> =>
    run(async () => {
      setList(await desktop.deleteProfile({ id }));
      setDeleting(null);
    });

  const active = list?.active_id ?? null;
  return (
    <div className="connection-panel">
      {status.state && (
        <p
          className={`message ${status.state.kind === 'failed' ? 'error' : 'info'}`}
          role="status"
          data-testid="connection-startup"
          data-state={status.state.kind}
        >
          {status.state.kind === 'starting' ? `Starting: ${status.state.text}` : status.state.text}
        </p>
      )}
      {status.error && <p className="message error">{status.error}</p>}
      {status.info && <InfoRows rows={appInfoRows(status.info)} testId="connection-app-info" />}

      <h3>Connection profiles</h3>
      {list?.password_storage === 'session' && (
        <p className="muted">
          The OS keychain is not available: passwords are kept only until the app quits.
        </p>
      )}
      <ul className="profile-list" data-testid="profile-list">
        <li aria-current={active === null ? 'true' : undefined}>
          <span>
            <strong>Configuration</strong>{' '}
            <span className="muted">NEO4J_* settings, or the managed local database</span>
          </span>
          <button
            type="button"
            disabled={busy || active === null}
            onClick={() => void activate(null)}
          >
            {active === null ? 'In use' : 'Use'}
          </button>
        </li>
        {list?.profiles.map((profile) => (
          <li key={profile.id} aria-current={active === profile.id ? 'true' : undefined}>
            <span>
              <strong>{profile.name}</strong>{' '}
              <span className="muted">
                {profile.username}@{profile.uri} / {profile.database}
                {profile.has_password ? '' : ' (no password)'}
              </span>
            </span>
            <button
              type="button"
              disabled={busy || active === profile.id}
              onClick={() => void activate(profile.id)}
            >
              {active === profile.id ? 'In use' : 'Use'}
            </button>
            <button type="button" disabled={busy} onClick={() => setEditing(profileForm(profile))}>
              Edit
            </button>
            {deleting === profile.id ? (
              <>
                <button type="button" className="danger" onClick={() => void remove(profile.id)}>
                  Delete {profile.name}
                </button>
                <button type="button" onClick={() => setDeleting(null)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" disabled={busy} onClick={() => setDeleting(profile.id)}>
                Delete…
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      {editing ? (
        <ProfileEditor
          key={editing.id ?? 'new'}
          desktop={desktop}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void reload();
          }}
        />
      ) : (
        <div className="modal-actions">
          <button type="button" onClick={() => setEditing(emptyProfileForm())}>
            Add profile…
          </button>
        </div>
      )}
    </div>
  );
}
