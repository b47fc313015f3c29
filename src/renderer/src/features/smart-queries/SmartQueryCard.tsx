/** One catalogue entry: what it does, the parameter values it will use, and a Run button. */
import type { JsonValue } from '@shared/api';
import type { SmartQuery } from './catalogue';
import type { FilterContext } from './request';
import { smartParameters } from './request';

export type SmartQueryCardProps = {
  entry: SmartQuery;
  context: FilterContext;
  overrides: Readonly<Record<string, JsonValue>>;
  onOverride: (name: string, value: JsonValue) => void;
  running: boolean;
  onRun: () => void;
  onRemove?: () => void;
};

const scalar = (value: JsonValue): string =>
  typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);

const shown = (value: JsonValue): string =>
  value === null ? 'any' : Array.isArray(value) ? value.map(scalar).join(', ') : scalar(value);

export function SmartQueryCard(props: SmartQueryCardProps): React.JSX.Element {
  const { entry, context, overrides, onOverride, running, onRun, onRemove } = props;
  const values = smartParameters(entry, context, overrides);
  return (
    <li className="smart-query" data-testid={`smart-query-${entry.id}`}>
      <div className="smart-query-head">
        <strong>{entry.title}</strong>
        <span className="workbench-toolbar">
          {onRemove && (
            <button type="button" onClick={onRemove}>
              Remove
            </button>
          )}
          <button type="button" className="primary" disabled={running} onClick={onRun}>
            {running ? 'Running…' : 'Run'}
          </button>
        </span>
      </div>
      {entry.description && <p className="muted">{entry.description}</p>}
      <dl className="smart-params">
        {Object.entries(entry.parameters).map(([name, spec]) => {
          const value = values[name] ?? null;
          return (
            <div key={name}>
              <dt title={spec.description}>{name}</dt>
              <dd>
                {'from' in spec ? (
                  <span title={`From the filter "${spec.from}"`}>{shown(value)}</span>
                ) : typeof spec.value === 'number' ? (
                  <input
                    type="number"
                    aria-label={name}
                    value={typeof value === 'number' ? value : ''}
                    onChange={(e) => onOverride(name, e.target.valueAsNumber || spec.value)}
                  />
                ) : typeof spec.value === 'string' ? (
                  <input
                    aria-label={name}
                    value={typeof value === 'string' ? value : ''}
                    onChange={(e) => onOverride(name, e.target.value)}
                  />
                ) : (
                  <code>{JSON.stringify(value)}</code>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </li>
  );
}
