/**
 * Generate sample data: presets from the size table, every generator field with its limits,
 * regions, seed and mode; then live progress per label and type, with cancel.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { GenerationJob, ServerSettings } from '@shared/api';
import type { Client } from '@shared/contract';
import '../workbench/workbench.css';
import type { FormErrors, GenerateForm, PresetId } from './generate-form';
import {
  applyPreset,
  boundHint,
  estimateNodes,
  generatorFields,
  initialForm,
  presetProblem,
  PRESETS,
  toGenerateRequest,
} from './generate-form';
import { GenerationProgressView } from './GenerationProgressView';
import { CypherPreview } from '../../components/CypherPreview';
import { Modal } from '../../components/Modal';
import { RegionPicker } from './RegionPicker';
import { isFinished } from './progress';
import { useGeneration } from './use-generation';

export type GenerateDialogProps = {
  client: Client;
  regions: readonly string[];
  /** The server's bounds; null shows the defaults and leaves the bounds to the server. */
  settings: ServerSettings | null;
  open: boolean;
  onClose: () => void;
  /** Called once a run ends (any outcome), to refresh statistics, options and the view. */
  onFinished: (job: GenerationJob) => void;
};

export function GenerateDialog(props: GenerateDialogProps): React.JSX.Element {
  const { client, regions, settings, open, onClose, onFinished } = props;
  const fields = generatorFields(settings);
  const [form, setForm] = useState<GenerateForm>(() => initialForm(regions));
  const [errors, setErrors] = useState<FormErrors>({});
  const generation = useGeneration(client, onFinished);
  const confirmWrites = (settings?.protection ?? 'confirm') === 'confirm';
  const running = generation.starting || (generation.job !== null && !isFinished(generation.job));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const result = toGenerateRequest(form, fields);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    // Under `confirm`, pressing "Confirm and generate" beside the estimate is the confirmation.
    void generation.start(confirmWrites ? { ...result.request, confirm: true } : result.request);
  };

  const close = (): void => {
    if (!running) generation.reset();
    onClose();
  };

  const estimate = estimateNodes(form);
  // What the run would write, shown on request before it starts.
  const planned = toGenerateRequest(form, fields);

  return (
    <Modal title="Generate sample data" open={open} onClose={close} testId="generate-dialog">
      <form className="admin-form" onSubmit={submit} noValidate>
        <fieldset disabled={running}>
          <div className="workbench-toolbar" role="group" aria-label="Presets">
            {PRESETS.map((p) => {
              const problem = presetProblem(p, fields);
              return (
                <button
                  key={p.id}
                  type="button"
                  disabled={problem !== null}
                  title={problem ?? undefined}
                  onClick={() => setForm((f) => applyPreset(f, p.id satisfies PresetId))}
                >
                  {p.label} ({p.consultants}/region)
                </button>
              );
            })}
          </div>
          <p className="muted" data-testid="generate-bounds-source">
            {settings
              ? "Limits are this server's configuration."
              : "Limits shown are the defaults; the server's own could not be read."}
          </p>
          <RegionPicker
            regions={regions}
            selected={form.regions}
            onChange={(selected) => setForm((f) => ({ ...f, regions: selected }))}
            error={errors.regions}
          />
          <div className="admin-fields">
            {fields.map((spec) => {
              const value = form.values[spec.key];
              const hint = boundHint(spec, value);
              return (
                <label key={spec.key} className="admin-field">
                  <span>{spec.label}</span>
                  <input
                    type="number"
                    name={spec.key}
                    min={spec.min}
                    max={spec.kind === 'probability' || spec.fromServer ? spec.max : undefined}
                    step={spec.kind === 'probability' ? 0.05 : 1}
                    value={value}
                    aria-invalid={errors[spec.key] ? true : undefined}
                    onChange={(e) =>
                      setForm((f) => ({
                        ...f,
                        values: { ...f.values, [spec.key]: e.target.value },
                      }))
                    }
                  />
                  <small
                    className={errors[spec.key] ? 'error-text' : 'muted'}
                    data-testid={`bound-${spec.key}`}
                  >
                    {errors[spec.key] ??
                      hint ??
                      (spec.kind === 'count'
                        ? `${spec.min}–${spec.max}${spec.bound ? ` (${spec.bound})` : ''}`
                        : '0–1')}
                  </small>
                </label>
              );
            })}
            <label className="admin-field">
              <span>Seed (same seed, same data)</span>
              <input
                type="number"
                name="seed"
                min={0}
                value={form.seed}
                placeholder="random"
                onChange={(e) => setForm((f) => ({ ...f, seed: e.target.value }))}
              />
              {errors.seed && <small className="error-text">{errors.seed}</small>}
            </label>
            <label className="admin-field">
              <span>Mode</span>
              <select
                name="mode"
                value={form.mode}
                onChange={(e) =>
                  setForm((f) => ({
                    ...f,
                    mode: e.target.value === 'replace' ? 'replace' : 'append',
                  }))
                }
              >
                <option value="append">Append to existing data</option>
                <option value="replace">Replace the data of these regions</option>
              </select>
            </label>
          </div>
          {errors.form && <p className="message error">{errors.form}</p>}
          {estimate !== null && (
            <p className="muted">About {estimate.toLocaleString('en-US')} nodes.</p>
          )}
        </fieldset>
        {generation.error && (
          <p role="alert" className="message error" data-testid="generate-error">
            {generation.error}
          </p>
        )}
        {generation.job && <GenerationProgressView job={generation.job} rows={generation.rows} />}
        {!running && (
          <CypherPreview
            client={client}
            request={'request' in planned ? { write: 'generate', generate: planned.request } : null}
            unavailable="Fix the fields above to see the Cypher."
            testId="generate-cypher"
          />
        )}
        <div className="modal-actions">
          {running ? (
            <button type="button" onClick={() => void generation.cancel()}>
              Cancel generation
            </button>
          ) : (
            <button type="submit" className="primary">
              {confirmWrites ? 'Confirm and generate' : 'Generate'}
            </button>
          )}
          <button type="button" onClick={close}>
            {running ? 'Hide' : 'Close'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
