/**
 * Histograms of the range properties, from the data: bounds first, then counts per bin, in one
 * read transaction. Amounts with heavy tails are binned on a log scale (positive values only);
 * dates are binned by day.
 */
import {
  RANGE_PROPERTIES,
  RANGE_PROPERTY_NAMES,
  type Histogram,
  type RangeProperty,
} from '../../shared/api';
import type { ManagedTransaction } from 'neo4j-driver';
import { assertRegionsConfigured } from './regions';
import { int, numberOf, readTransaction } from './graph/read';
import type { Handlers, ServiceDeps } from './types';

/** `v`: the binned value (log10, or days since 1970 for dates) of each element in the regions. */
function valuesClause(field: RangeProperty): string {
  const { on, property, kind, scale } = RANGE_PROPERTIES[field];
  const match =
    on === 'OWNS'
      ? `MATCH (a:COMPANY)-[e:OWNS]->(:PRODUCT)`
      : on === 'RATES'
        ? `MATCH (a:CONSULTANT)-[e:RATES]->(:PRODUCT)`
        : `MATCH (e:${on}) WITH e, e AS a`;
  const raw = `e.${property}`;
  const value =
    kind === 'date'
      ? `duration.inDays(date('1970-01-01'), ${raw}).days`
      : scale === 'log'
        ? `log10(toFloat(${raw}))`
        : `toFloat(${raw})`;
  const present = scale === 'log' ? `${raw} > 0` : `${raw} IS NOT NULL`;
  return `${match}
WHERE ($regions IS NULL OR a.region IN $regions) AND ${present}
WITH ${value} AS v`;
}

const boundsQuery = (field: RangeProperty) =>
  `${valuesClause(field)} RETURN min(v) AS lo, max(v) AS hi, count(v) AS n`;

const binsQuery = (field: RangeProperty) =>
  `${valuesClause(field)}
WITH CASE WHEN $width = 0 THEN 0 ELSE toInteger(floor((v - $lo) / $width)) END AS bin
RETURN CASE WHEN bin >= $bins THEN $bins - 1 ELSE bin END AS bin, count(*) AS count`;

const DAY_MS = 86_400_000;
const isoDay = (days: number): string =>
  new Date(Math.round(days) * DAY_MS).toISOString().slice(0, 10);

function edge(field: RangeProperty, v: number): number | string {
  const { kind, scale } = RANGE_PROPERTIES[field];
  if (kind === 'date') return isoDay(v);
  return scale === 'log' ? 10 ** v : v;
}

async function histogram(
  tx: ManagedTransaction,
  field: RangeProperty,
  regions: string[] | null,
  binCount: number,
): Promise<Histogram> {
  const { kind, scale } = RANGE_PROPERTIES[field];
  const head = (await tx.run(boundsQuery(field), { regions })).records[0];
  const n = numberOf(head?.get('n'));
  const empty = { field, kind, scale, min: null, max: null, count: 0, bins: [] };
  if (!head || n === 0) return empty;
  const lo = numberOf(head.get('lo'));
  const hi = numberOf(head.get('hi'));
  // Dates are whole days: no more bins than days in the range.
  const bins = kind === 'date' ? Math.max(1, Math.min(binCount, hi - lo + 1)) : binCount;
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  const rows = await tx.run(binsQuery(field), { regions, lo, width, bins: int(bins) });
  for (const r of rows.records) counts[numberOf(r.get('bin'))] = numberOf(r.get('count'));
  return {
    field,
    kind,
    scale,
    min: edge(field, lo),
    max: edge(field, hi),
    count: n,
    bins: counts.map((count, i) => ({
      from: edge(field, lo + i * width),
      to: edge(field, i === bins - 1 ? hi : lo + (i + 1) * width),
      count,
    })),
  };
}

export const histogramOperations = (deps: ServiceDeps) =>
  ({
    getHistograms: async (input) => {
      assertRegionsConfigured(deps.config, input.regions);
      const regions = input.regions ?? null;
      const histograms = await readTransaction(deps, async (tx) => {
        const out: Histogram[] = [];
        for (const field of RANGE_PROPERTY_NAMES)
          out.push(await histogram(tx, field, regions, input.bins));
        return out;
      });
      return { histograms };
    },
  }) satisfies Partial<Handlers>;
