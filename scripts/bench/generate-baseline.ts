/**
 * The baseline: the generator's own rows, converted to Neo4j types up front, written by a
 * minimal raw-driver script (UNWIND … CREATE, one executeQuery per batch). Only the writes are
 * timed, so row generation costs the baseline nothing.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { conversionsFor } from '../../src/main/services/generation/cypher';
import type { GenerationPlan, PlanPart } from '../../src/main/services/generation/plan';

type Row = Record<string, unknown>;

const toDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new neo4j.types.Date(y!, m!, d!);
};

function convert(values: Row, integers: readonly string[], dates: readonly string[]): Row {
  const out: Row = { ...values };
  for (const field of integers) out[field] = neo4j.int(Number(values[field]));
  for (const field of dates) out[field] = toDate(String(values[field]));
  return out;
}

function materialise(part: PlanPart, generationId: string): Row[] {
  const { integers, dates } = conversionsFor(part.target);
  const rows: Row[] = [];
  if (part.kind === 'node')
    for (const row of part.rows())
      rows.push({ ...convert(row, integers, dates), generation_id: generationId });
  else
    for (const row of part.rows())
      rows.push({ s: row.s, t: row.t, p: convert(row.p, integers, dates) });
  return rows;
}

function cypher(part: PlanPart): string {
  const t = part.target;
  return t.kind === 'node'
    ? `UNWIND $rows AS row CREATE (n:${t.label}) SET n = row`
    : `UNWIND $rows AS row MATCH (a:${t.from} {id: row.s}) MATCH (b:${t.to} {id: row.t}) ` +
        `CREATE (a)-[r:${t.type}]->(b) SET r = row.p`;
}

/** Returns the seconds spent writing. */
export async function writeBaseline(
  driver: Driver,
  database: string,
  plan: GenerationPlan,
  batchSize: number,
  generationId: string,
): Promise<number> {
  let seconds = 0;
  for (const step of plan.steps)
    for (const part of step.parts) {
      const rows = materialise(part, generationId);
      const query = cypher(part);
      const started = performance.now();
      for (let i = 0; i < rows.length; i += batchSize)
        await driver.executeQuery(
          query,
          { rows: rows.slice(i, i + batchSize) },
          { database, routing: 'WRITE' },
        );
      seconds += (performance.now() - started) / 1000;
    }
  return seconds;
}
