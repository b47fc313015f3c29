/** What the colours, shapes and widths mean. */
import { NODE_LABELS } from '@shared/domain';
import {
  EDGE_TYPE_COLORS,
  MANDATE_COLORS,
  NODE_COLORS,
  NODE_SHAPE_BY_LABEL,
} from '../../graph/appearance';
import { labelTitle } from '../../graph/filter-fields';
import { useStore } from '../../state/store';
import { useExplorer } from '../../state/context';
import { NodeShapeIcon } from './NodeShapeIcon';
import { RuleLegend } from './RuleLegend';

export function Legend(): React.JSX.Element {
  const appearance = useStore(useExplorer().store, (s) => s.appearance);
  const sizeBy = appearance.rules.size ? null : appearance.sizeBy;
  return (
    <section className="panel legend" data-panel="legend" data-testid="legend" aria-label="Legend">
      <h2>Legend</h2>
      <RuleLegend />
      <ul className="legend-list">
        {NODE_LABELS.map((l) => (
          <li key={l} data-node-type={l}>
            <NodeShapeIcon shape={NODE_SHAPE_BY_LABEL[l]} color={NODE_COLORS[l]} />
            {labelTitle(l)}
          </li>
        ))}
      </ul>
      <ul className="legend-list">
        {Object.entries(MANDATE_COLORS).map(([status, color]) => (
          <li key={status}>
            <span className="swatch line" style={{ background: color }} />
            Owns: {status}
          </li>
        ))}
        {Object.entries(EDGE_TYPE_COLORS)
          .filter(([t]) => t !== 'OWNS')
          .map(([type, color]) => (
            <li key={type}>
              <span className="swatch line" style={{ background: color }} />
              {type}
            </li>
          ))}
      </ul>
      <p className="muted small">
        {sizeBy && `Node size: ${sizeBy.replace(/_/g, ' ')}. `}Coverage width: level of influence
        (1–4).
      </p>
    </section>
  );
}
