/** Add or edit a connection profile; test it before (or instead of) saving. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { PROTECTION_LEVELS, ProtectionLevel } from '@shared/api';
import type { ConnectionProfile } from '@shared/desktop';
import type { DesktopClient } from '../../client/types';
import { errorMessage } from '../../state/errors';
import { toSaveInput, toTestInput, type FormErrors, type ProfileForm } from './connection-model';

export type ProfileEditorProps = {
  desktop: DesktopClient;
  initial: ProfileForm;
  onSaved: (profile: ConnectionProfile) => void;
  onCancel: () => void;
};

type Outcome = { kind: 'info' | 'error'; text: string } | null;

const TEXT_FIELDS = [
  { key: 'name', label: 'Name' },
  { key: 'uri', label: 'URI (bolt://, neo4j://, +s, +ssc)' },
  { key: 'username', label: 'User' },
  { key: 'database', label: 'Database' },
] as const;

const PROTECTION_LABELS = {
  'read-only': 'Read-only (every session READ)',
  confirm: 'Confirm each write',
  free: 'Free (writes run as asked)',
} as const satisfies Record<ProtectionLevel, string>;

export function ProfileEditor(props: ProfileEditorProps): React.JSX.Element {
  const { desktop, onSaved, onCancel } = props;
  const [form, setForm] = useState<ProfileForm>(props.initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function test(): Promise<void> {
    const request = toTestInput(form);
    if ('errors' in request) return setErrors(request.errors);
    setErrors({});
    setBusy('test');
    setOutcome(null);
    try {
      const result = await desktop.testConnection(request.input);
      setOutcome({
        kind: 'info',
        text: `Neo4j ${result.version} ${result.edition} answered at ${result.address} in ${result.latency_ms.toFixed(0)} ms.`,
      });
    } catch (error) {
      setOutcome({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    const request = toSaveInput(form);
    if ('errors' in request) return setErrors(request.errors);
    setErrors({});
    setBusy('save');
    try {
      onSaved(await desktop.saveProfile(request.input));
    } catch (error) {
      setOutcome({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      className="admin-form"
      onSubmit={(e) => void save(e)}
      noValidate
      data-testid="profile-editor"
    >
      <fieldset disabled={busy !== null}>
        <legend>{form.id ? `Edit ${props.initial.name}` : 'New profile'}</legend>
        <div className="admin-fields">
          {TEXT_FIELDS.map(({ key, label }) => (
            <label key={key} className="admin-field">
              <span>{label}</span>
              <input
                name={key}
                value={form[key]}
                aria-invalid={errors[key] ? true : undefined}
                onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
              />
              {errors[key] && <small className="error-text">{errors[key]}</small>}
            </label>
          ))}
          <label className="admin-field">
            <span>Protection</span>
            <select
              name="protection"
              value={form.protection}
              onChange={(e) =>
                setForm((f) => ({ ...f, protection: ProtectionLevel.parse(e.target.value) }))
              }
            >
              {PROTECTION_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {PROTECTION_LABELS[level]}
                </option>
              ))}
            </select>
          </label>
          <label className="admin-field">
            <span>Password</span>
            <input
              name="password"
              type="password"
              autoComplete="off"
              value={form.password}
              placeholder={
                form.hasStoredPassword && !form.clearPassword ? 'stored (unchanged)' : ''
              }
              onChange={(e) => setForm((f) => ({ ...f, password: e.target.value }))}
            />
            {form.hasStoredPassword && (
              <small>
                <label>
                  <input
                    type="checkbox"
                    checked={form.clearPassword}
                    onChange={(e) => setForm((f) => ({ ...f, clearPassword: e.target.checked }))}
                  />{' '}
                  Remove the stored password
                </label>
              </small>
            )}
          </label>
        </div>
        {errors.form && <p className="message error">{errors.form}</p>}
      </fieldset>
      {outcome && (
        <p
          role={outcome.kind === 'error' ? 'alert' : 'status'}
          className={`message ${outcome.kind}`}
        >
          {outcome.text}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" disabled={busy !== null} onClick={() => void test()}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null}>
          Save profile
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
