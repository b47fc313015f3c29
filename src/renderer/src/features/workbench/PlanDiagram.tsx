/**
 * A query plan as a tree of operator boxes, the root (ProduceResults) on top and each operator's
 * inputs below it: operator, details, estimated rows and, when profiled, rows and db hits. The
 * costliest operator (most db hits; for EXPLAIN most estimated rows) is highlighted.
 */
import type { PlanOperator } from '@shared/api';
import { costliest } from './plan';

const formatCount = (value: number): string =>
  Math.round(value).toLocaleString('en-US', { maximumFractionDigits: 0 });

function OperatorBox({
  plan,
  position,
  hottest,
}: {
  plan: readonly PlanOperator[];
  position: number;
  hottest: number | null;
}): React.JSX.Element | null {
  const op = plan[position];
  if (!op) return null;
  return (
    <li className="plan-node">
      <div
        className={`plan-operator${position === hottest ? ' costliest' : ''}`}
        data-testid="plan-operator"
        data-operator={op.operator}
        title={op.identifiers.length ? `Identifiers: ${op.identifiers.join(', ')}` : undefined}
      >
        <strong>{op.operator}</strong>
        {op.details && <span className="plan-details">{op.details}</span>}
        <span className="plan-figures">
          {op.rows !== null && <span>{formatCount(op.rows)} rows</span>}
          {op.db_hits !== null && <span>{formatCount(op.db_hits)} db hits</span>}
          {op.estimated_rows !== null && <span>est. {formatCount(op.estimated_rows)}</span>}
        </span>
      </div>
      {op.children.length > 0 && (
        <ul className="plan-children">
          {op.children.map((child) => (
            <OperatorBox key={child} plan={plan} position={child} hottest={hottest} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function PlanDiagram({ plan }: { plan: readonly PlanOperator[] }): React.JSX.Element {
  const hottest = costliest(plan);
  const total = plan.reduce((sum, o) => sum + (o.db_hits ?? 0), 0);
  const profiled = plan.some((o) => o.db_hits !== null);
  return (
    <div className="plan" data-testid="plan-diagram">
      <p className="results-summary">
        {plan.length} operators
        {profiled && ` — ${formatCount(total)} db hits in total`}
        {hottest !== null && ` — costliest: ${plan[hottest]?.operator ?? ''}`}
      </p>
      <div className="plan-scroll">
        <ul className="plan-tree">
          <OperatorBox plan={plan} position={0} hottest={hottest} />
        </ul>
      </div>
    </div>
  );
}
