/**
 * The Cypher of the generator's writes. Labels and types come only from the domain enums; every
 * value travels as a parameter. Rows are plain JSON, so integer and date properties are
 * converted here (a JS number would otherwise be stored as a float, an ISO day as a string).
 */
import type { NodeLabel, RelationshipType } from '../../../shared/domain';
import type { NodeTarget, RelTarget } from './plan';

type Conversions = { integers?: readonly string[]; dates?: readonly string[] };

const NODE_CONVERSIONS: Partial<Record<NodeLabel, Conversions>> = {
  CONSULTANT: { integers: ['performance', 'influence'] },
};

const REL_CONVERSIONS: Record<string, Conversions> = {
  EMPLOYS: { integers: ['duration'], dates: ['start_date'] },
  COVERS: { integers: ['level_of_influence'] },
  'OWNS:PRODUCT': { integers: ['value'], dates: ['start_date'] },
  'OWNS:INCUMBENT_PRODUCT': {
    integers: ['commitment_market_value'],
    dates: ['manager_since_date'],
  },
  RATES: { integers: ['rankorder'], dates: ['date'] },
};

const relKey = (type: RelationshipType, to: NodeLabel): string =>
  type === 'OWNS' ? `${type}:${to}` : type;

function conversions(variable: string, source: string, spec: Conversions | undefined): string {
  const sets = [
    ...(spec?.integers ?? []).map((f) => `${variable}.${f} = toInteger(${source}.${f})`),
    ...(spec?.dates ?? []).map((f) => `${variable}.${f} = date(${source}.${f})`),
  ];
  return sets.map((s) => `, ${s}`).join('');
}

/** Which row fields are stored as integers and dates for a target (benchmarks reuse this). */
export function conversionsFor(target: NodeTarget | RelTarget): Required<Conversions> {
  const spec =
    target.kind === 'node'
      ? NODE_CONVERSIONS[target.label]
      : REL_CONVERSIONS[relKey(target.type, target.to)];
  return { integers: spec?.integers ?? [], dates: spec?.dates ?? [] };
}

export function nodeCreateCypher(target: NodeTarget): string {
  return (
    `UNWIND $rows AS row CREATE (n:${target.label}) ` +
    `SET n = row, n.generation_id = $generation${conversions('n', 'row', NODE_CONVERSIONS[target.label])}`
  );
}

export function relCreateCypher(target: RelTarget): string {
  return (
    `UNWIND $rows AS row ` +
    `MATCH (a:${target.from} {id: row.s}) MATCH (b:${target.to} {id: row.t}) ` +
    `CREATE (a)-[r:${target.type}]->(b) ` +
    `SET r = row.p${conversions('r', 'row.p', REL_CONVERSIONS[relKey(target.type, target.to)])}`
  );
}

/** The highest numeric suffix among ids with this prefix (served by the uniqueness index). */
export const maxIdCypher = (label: NodeLabel): string =>
  `MATCH (n:${label}) WHERE n.id STARTS WITH $prefix ` +
  `RETURN max(toInteger(substring(n.id, size($prefix)))) AS max`;
