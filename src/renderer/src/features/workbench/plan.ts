/** What the plan diagram marks: the operator that costs most. */
import type { PlanOperator } from '@shared/api';

/** The position of the operator that costs most, or null for an empty plan. */
export function costliest(plan: readonly PlanOperator[]): number | null {
  const profiled = plan.some((o) => o.db_hits !== null);
  const cost = (o: PlanOperator): number =>
    (profiled ? o.db_hits : o.estimated_rows) ?? Number.NEGATIVE_INFINITY;
  let best: number | null = null;
  plan.forEach((o, i) => {
    if (best === null || cost(o) > cost(plan[best] ?? o)) best = i;
  });
  return best;
}
