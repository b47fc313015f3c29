/** The Style menu: rules that colour, size and label nodes by a property or a computed metric. */
import { useMemo } from 'react';
import { SIZE_METRICS, SizeMetric } from '../../graph/appearance';
import { styleProperties } from '../../graph/node-values';
import type { StyleProperty } from '../../graph/node-values';
import { DEFAULT_GRADIENT, DEFAULT_SIZE_SCALE, NO_RULES, hasRules } from '../../graph/style-rules';
import type { ColorRule, SizeRule, StyleRules } from '../../graph/style-rules';
import { useDrawnDataset } from '../../state/drawn';
import { useExplorer } from '../../state/context';
import { useStore } from '../../state/store';

function PropertySelect({
  value,
  options,
  testId,
  onChange,
}: {
  value: string | null;
  options: readonly StyleProperty[];
  testId: string;
  onChange: (key: string | null) => void;
}): React.JSX.Element {
  const known = value === null || options.some((o) => o.key === value);
  return (
    <select
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
    >
      <option value="">none</option>
      {!known && value && <option value={value}>{value} (not computed)</option>}
      {options.map((o) => (
        <option key={o.key} value={o.key}>
          {o.title}
        </option>
      ))}
    </select>
  );
}

const bound = (v: number): number | null => (Number.isFinite(v) ? v : null);

function Bounds({
  rule,
  onChange,
  testId,
}: {
  rule: { min: number | null; max: number | null };
  onChange: (b: { min: number | null; max: number | null }) => void;
  testId: string;
}): React.JSX.Element {
  return (
    <div className="style-row sub" title="Empty: the smallest and largest value drawn">
      <span className="muted small">values</span>
      <input
        type="number"
        aria-label="Minimum"
        placeholder="auto"
        data-testid={`${testId}-min`}
        value={rule.min ?? ''}
        onChange={(e) => onChange({ ...rule, min: bound(e.target.valueAsNumber) })}
      />
      –
      <input
        type="number"
        aria-label="Maximum"
        placeholder="auto"
        data-testid={`${testId}-max`}
        value={rule.max ?? ''}
        onChange={(e) => onChange({ ...rule, max: bound(e.target.valueAsNumber) })}
      />
    </div>
  );
}

function colorRuleFor(key: string, numeric: boolean, prior: ColorRule | null): ColorRule {
  const by = prior?.by === 'category' || !numeric ? 'category' : 'range';
  if (by === 'category') return { by, property: key };
  return { by, property: key, min: null, max: null, ...DEFAULT_GRADIENT };
}

export function StyleRulesForm(): React.JSX.Element {
  const explorer = useExplorer();
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const metrics = useStore(explorer.store, (s) => s.metrics.values);
  const dataset = useDrawnDataset(explorer);
  const options = useMemo(() => styleProperties(dataset, metrics), [dataset, metrics]);
  const numericOptions = options.filter((o) => o.numeric);
  const rules = appearance.rules;
  const setRules = (next: Partial<StyleRules>): void =>
    explorer.setAppearance({ ...appearance, rules: { ...rules, ...next } });
  const isNumeric = (key: string): boolean => options.find((o) => o.key === key)?.numeric ?? true;
  const color = rules.color;
  const size = rules.size;
  const setSize = (patch: Partial<SizeRule>): void => {
    if (size) setRules({ size: { ...size, ...patch } });
  };
  return (
    <div className="style-form" data-testid="style-form">
      <label className="style-row" title="The size of nodes no size rule applies to">
        <span className="style-name">Default size</span>
        <select
          data-testid="size-by"
          value={appearance.sizeBy}
          onChange={(e) =>
            explorer.setAppearance({ ...appearance, sizeBy: SizeMetric.parse(e.target.value) })
          }
        >
          {SIZE_METRICS.map((m) => (
            <option key={m} value={m}>
              {m.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      </label>
      <div className="style-row">
        <span className="style-name">Colour</span>
        <PropertySelect
          testId="style-color-property"
          value={color?.property ?? null}
          options={options}
          onChange={(key) =>
            setRules({ color: key ? colorRuleFor(key, isNumeric(key), color) : null })
          }
        />
        {color && (
          <select
            data-testid="style-color-by"
            value={color.by}
            onChange={(e) =>
              setRules({
                color:
                  e.target.value === 'range'
                    ? {
                        by: 'range',
                        property: color.property,
                        min: null,
                        max: null,
                        ...DEFAULT_GRADIENT,
                      }
                    : { by: 'category', property: color.property },
              })
            }
          >
            <option value="category">by category</option>
            <option value="range" disabled={!isNumeric(color.property)}>
              by range
            </option>
          </select>
        )}
      </div>
      {color?.by === 'range' && (
        <>
          <Bounds
            testId="style-color"
            rule={color}
            onChange={(b) => setRules({ color: { ...color, ...b } })}
          />
          <div className="style-row sub">
            <span className="muted small">colours</span>
            <input
              type="color"
              aria-label="Colour at the minimum"
              value={color.from}
              onChange={(e) => setRules({ color: { ...color, from: e.target.value } })}
            />
            →
            <input
              type="color"
              aria-label="Colour at the maximum"
              value={color.to}
              onChange={(e) => setRules({ color: { ...color, to: e.target.value } })}
            />
          </div>
        </>
      )}
      <div className="style-row">
        <span className="style-name">Size</span>
        <PropertySelect
          testId="style-size-property"
          value={size?.property ?? null}
          options={numericOptions}
          onChange={(key) =>
            setRules({
              size: key
                ? { by: 'range', property: key, min: null, max: null, ...DEFAULT_SIZE_SCALE }
                : null,
            })
          }
        />
      </div>
      {size && (
        <>
          <Bounds testId="style-size" rule={size} onChange={setSize} />
          <div className="style-row sub">
            <span className="muted small">sizes</span>
            <input
              type="number"
              aria-label="Smallest size"
              min={1}
              max={60}
              value={size.from}
              onChange={(e) =>
                e.target.valueAsNumber >= 1 && setSize({ from: e.target.valueAsNumber })
              }
            />
            –
            <input
              type="number"
              aria-label="Largest size"
              min={1}
              max={60}
              value={size.to}
              onChange={(e) =>
                e.target.valueAsNumber >= 1 && setSize({ to: e.target.valueAsNumber })
              }
            />
          </div>
        </>
      )}
      <div className="style-row">
        <span className="style-name">Label</span>
        <PropertySelect
          testId="style-label-property"
          value={rules.label?.property ?? null}
          options={options}
          onChange={(key) => setRules({ label: key ? { property: key } : null })}
        />
      </div>
      <button
        type="button"
        data-testid="style-clear"
        disabled={!hasRules(rules)}
        onClick={() => explorer.setAppearance({ ...appearance, rules: NO_RULES })}
      >
        Clear rules
      </button>
    </div>
  );
}
