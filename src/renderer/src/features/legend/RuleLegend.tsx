/** The legend of the styling rules: the gradient, size scale and categories the nodes are drawn with. */
import { useMemo } from 'react';
import { propertyTitle } from '../../graph/node-values';
import { formatNumber, OTHER_COLOR } from '../../graph/style-rules';
import { styleDataset } from '../../graph/visual';
import { useDrawnDataset } from '../../state/drawn';
import { useExplorer } from '../../state/context';
import { useStore } from '../../state/store';

export function RuleLegend(): React.JSX.Element | null {
  const explorer = useExplorer();
  const appearance = useStore(explorer.store, (s) => s.appearance);
  const metrics = useStore(explorer.store, (s) => s.metrics.values);
  const dataset = useDrawnDataset(explorer);
  const rules = appearance.rules;
  const any = Boolean(rules.color || rules.size || rules.label);
  // Styling every node is a long task on a large graph: none without a rule to show.
  const legend = useMemo(
    () => (any ? styleDataset(dataset, appearance, metrics).legend : null),
    [any, dataset, appearance, metrics],
  );
  if (!legend) return null;
  return (
    <div className="rule-legend" data-testid="rule-legend">
      {rules.color && (
        <div data-testid="legend-color" data-property={rules.color.property}>
          <h3>Colour: {propertyTitle(rules.color.property)}</h3>
          {legend.color?.by === 'range' && (
            <div className="legend-scale">
              <span>{formatNumber(legend.color.domain.min)}</span>
              <span
                className="legend-gradient"
                style={{
                  background: `linear-gradient(to right, ${legend.color.from}, ${legend.color.to})`,
                }}
              />
              <span>{formatNumber(legend.color.domain.max)}</span>
            </div>
          )}
          {legend.color?.by === 'category' && (
            <ul className="legend-list" data-testid="legend-categories">
              {legend.color.entries.map((e) => (
                <li key={e.value} data-value={e.value} title={`${e.count} nodes`}>
                  <span className="swatch round" style={{ background: e.color }} />
                  {e.value} <span className="muted">({e.count})</span>
                </li>
              ))}
              {legend.color.other > 0 && (
                <li>
                  <span className="swatch round" style={{ background: OTHER_COLOR }} />
                  other <span className="muted">({legend.color.other})</span>
                </li>
              )}
            </ul>
          )}
          {!legend.color && <p className="muted small">No drawn node has this value.</p>}
        </div>
      )}
      {rules.size && (
        <div data-testid="legend-size" data-property={rules.size.property}>
          <h3>Size: {propertyTitle(rules.size.property)}</h3>
          {legend.size ? (
            <div className="legend-scale">
              <span>{formatNumber(legend.size.domain.min)}</span>
              <svg className="legend-sizes" viewBox="0 0 60 16" aria-hidden="true">
                {[0, 1, 2, 3].map((i) => {
                  const r = 1.5 + i * 2;
                  return <circle key={i} cx={4 + i * 15} cy={8} r={r} />;
                })}
              </svg>
              <span>{formatNumber(legend.size.domain.max)}</span>
            </div>
          ) : (
            <p className="muted small">No drawn node has a number here.</p>
          )}
        </div>
      )}
      {rules.label && (
        <p className="small" data-testid="legend-label">
          Labels: {propertyTitle(rules.label.property)}
        </p>
      )}
    </div>
  );
}
