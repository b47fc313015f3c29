/**
 * The plan of an EXPLAIN or PROFILE as a flat list of operators in pre-order, each naming its
 * children by position: operator, the database's details, estimated rows, and (PROFILE) rows and
 * db hits.
 */
import neo4j, { type ResultSummary } from 'neo4j-driver';
import type { PlanOperator } from '../../../shared/api';

type DriverPlan = {
  operatorType: string;
  identifiers: string[];
  arguments: Record<string, unknown>;
  children: DriverPlan[];
  dbHits?: number;
  rows?: number;
};

const numberOrNull = (value: unknown): number | null => {
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export function planOf(summary: Pick<ResultSummary, 'plan' | 'profile'>): PlanOperator[] | null {
  const root = (summary.profile || summary.plan) as DriverPlan | false;
  if (!root) return null;
  const profiled = Boolean(summary.profile);
  const operators: PlanOperator[] = [];
  const visit = (plan: DriverPlan): number => {
    const position = operators.length;
    const details = plan.arguments.Details;
    const operator: PlanOperator = {
      operator: plan.operatorType.split('@')[0] ?? plan.operatorType,
      details: typeof details === 'string' ? details : '',
      estimated_rows: numberOrNull(plan.arguments.EstimatedRows),
      rows: profiled ? numberOrNull(plan.rows) : null,
      db_hits: profiled ? numberOrNull(plan.dbHits) : null,
      identifiers: [...plan.identifiers],
      children: [],
    };
    operators.push(operator);
    operator.children = plan.children.map(visit);
    return position;
  };
  visit(root);
  return operators;
}
