/**
 * Small random networks for property tests: an arbitrary that builds one (in two test regions,
 * mostly in the first, with a few cross-region links so region filters have work to do), a
 * writer that stores it, and the values filters pick from. Ids embed the region so they stay
 * unique per label across test files.
 */
import fc from 'fast-check';
import neo4j, { type Driver } from 'neo4j-driver';
import type { NodeLabel, RelationshipType } from '../../../src/shared/domain';

export type RNode = { label: NodeLabel; id: string; props: Record<string, string | number> };
export type RRel = {
  key: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, string | number>;
};
export type RGraph = { nodes: RNode[]; rels: RRel[] };

export const VALUES = {
  sales_regions: ['East', 'West'],
  channels: ['Direct', 'Partner'],
  privacy_levels: ['Public', 'Private'],
  asset_classes: ['Equities', 'Fixed Income'],
  jpm_flags: ['Y', 'N'],
  mandate_statuses: ['Active', 'At Risk'],
  ratings: ['Positive', 'Negative', 'Neutral'],
  influence_levels: [1, 2, 3, 4],
  opportunity_types: ['Growth', 'Value'],
  fc_assets: [100, 300, 500],
} as const;

type Shape = {
  consultants: number;
  fieldConsultants: number;
  companies: number;
  products: number;
  incumbents: number;
};

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  consultants: fc.integer({ min: 1, max: 3 }),
  fieldConsultants: fc.integer({ min: 0, max: 4 }),
  companies: fc.integer({ min: 1, max: 4 }),
  products: fc.integer({ min: 1, max: 4 }),
  incumbents: fc.integer({ min: 0, max: 2 }),
});

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
/** Mostly the first region; sometimes the second. */
const regionArb = (regions: readonly [string, string]): fc.Arbitrary<string> =>
  fc.oneof({ arbitrary: fc.constant(regions[0]), weight: 4 }, fc.constant(regions[1]));

function pairs(a: readonly RNode[], b: readonly RNode[]): [RNode, RNode][] {
  return a.flatMap((x) => b.map((y): [RNode, RNode] => [x, y]));
}

/** For each candidate pair: absent, or present with properties drawn from `props`. */
function someOf(
  candidates: [RNode, RNode][],
  type: RelationshipType,
  props: fc.Arbitrary<Record<string, string | number>>,
): fc.Arbitrary<RRel[]> {
  return fc.tuple(...candidates.map(() => fc.option(props, { freq: 2 }))).map((chosen) =>
    chosen.flatMap((p, i) => {
      const pair = candidates[i];
      if (p === null || !pair) return [];
      const [from, to] = pair;
      return [{ key: `${type}:${from.id}>${to.id}`, type, from: from.id, to: to.id, props: p }];
    }),
  );
}

export function graphArb(regions: readonly [string, string]): fc.Arbitrary<RGraph> {
  const person = fc.record({
    region: regionArb(regions),
    sales_region: pick(VALUES.sales_regions),
    channel: pick(VALUES.channels),
  });
  return shapeArb.chain((shape) => {
    const nodes = (count: number, props: fc.Arbitrary<Record<string, string | number>>) =>
      fc.array(props, { minLength: count, maxLength: count });
    return fc
      .record({
        c: nodes(shape.consultants, person),
        f: nodes(
          shape.fieldConsultants,
          fc.record({
            region: regionArb(regions),
            sales_region: pick(VALUES.sales_regions),
            channel: pick(VALUES.channels),
            fc_total_plan_assets: pick(VALUES.fc_assets),
            employer: fc.nat({ max: shape.consultants - 1 }),
          }),
        ),
        co: nodes(
          shape.companies,
          fc.record({
            region: regionArb(regions),
            sales_region: pick(VALUES.sales_regions),
            channel: pick(VALUES.channels),
            privacy: pick(VALUES.privacy_levels),
          }),
        ),
        p: nodes(
          shape.products,
          fc.record({
            region: regionArb(regions),
            asset_class: pick(VALUES.asset_classes),
            jpm_flag: pick(VALUES.jpm_flags),
          }),
        ),
        i: nodes(
          shape.incumbents,
          fc.record({
            region: regionArb(regions),
            asset_class: pick(VALUES.asset_classes),
            jpm_flag: pick(VALUES.jpm_flags),
          }),
        ),
      })
      .chain((drawn) => {
        const make = (label: NodeLabel, tag: string, list: Record<string, string | number>[]) =>
          list.map((props, k): RNode => {
            const { employer: _employer, ...rest } = props;
            return {
              label,
              id: `${String(props.region)}-${tag}${k + 1}`,
              props: { ...rest, name: `${tag}${k + 1}` },
            };
          });
        const c = make('CONSULTANT', 'C', drawn.c);
        const f = make('FIELD_CONSULTANT', 'F', drawn.f);
        const co = make('COMPANY', 'CO', drawn.co);
        const p = make('PRODUCT', 'P', drawn.p);
        const inc = make('INCUMBENT_PRODUCT', 'I', drawn.i);
        // Each field consultant has exactly one employer, as in the data model.
        const employs: RRel[] = drawn.f.flatMap((props, k) => {
          const from = c[Number(props.employer)];
          const to = f[k];
          if (!from || !to) return [];
          return [
            {
              key: `EMPLOYS:${from.id}>${to.id}`,
              type: 'EMPLOYS',
              from: from.id,
              to: to.id,
              props: {},
            },
          ];
        });
        const covers = fc.record({
          level_of_influence: pick(VALUES.influence_levels),
          coverage_type: pick(['Primary', 'Secondary']),
        });
        return fc
          .tuple(
            someOf(pairs(f, co), 'COVERS', covers),
            someOf(pairs(c, co), 'COVERS', covers),
            someOf(
              pairs(co, p),
              'OWNS',
              fc.record({ mandate_status: pick(VALUES.mandate_statuses) }),
            ),
            someOf(
              pairs(co, inc),
              'OWNS',
              fc.record({ mandate_status: pick(VALUES.mandate_statuses) }),
            ),
            someOf(pairs(c, p), 'RATES', fc.record({ rating: pick(VALUES.ratings) })),
            someOf(
              pairs(inc, p),
              'BI_RECOMMENDS',
              fc.record({ opportunity_type: pick(VALUES.opportunity_types) }),
            ),
          )
          .map((groups): RGraph => ({
            nodes: [...c, ...f, ...co, ...p, ...inc],
            rels: [...employs, ...groups.flat()],
          }));
      });
  });
}

/** Writes the graph; integer properties are stored as Neo4j integers, as the generator does. */
export async function writeGraph(driver: Driver, database: string, graph: RGraph): Promise<void> {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  // Labels and types come from the domain enums; one statement per label or edge kind.
  for (const label of new Set(graph.nodes.map((n) => n.label))) {
    const rows = graph.nodes
      .filter((n) => n.label === label)
      .map((n) => ({ id: n.id, ...n.props }));
    await driver.executeQuery(
      `UNWIND $rows AS row CREATE (n:${label}) SET n = row`,
      { rows },
      {
        database,
      },
    );
  }
  const groups = new Map<string, RRel[]>();
  for (const rel of graph.rels) {
    const kind = `${labelOf.get(rel.from)}|${rel.type}|${labelOf.get(rel.to)}`;
    groups.set(kind, [...(groups.get(kind) ?? []), rel]);
  }
  for (const [kind, rels] of groups) {
    const [from, type, to] = kind.split('|');
    const rows = rels.map((rel) => ({
      from: rel.from,
      to: rel.to,
      props: Object.fromEntries(
        Object.entries(rel.props).map(([k, v]) => [
          k,
          k === 'level_of_influence' ? neo4j.int(v) : v,
        ]),
      ),
    }));
    await driver.executeQuery(
      `UNWIND $rows AS row MATCH (a:${from} {id: row.from}) MATCH (b:${to} {id: row.to})
       CREATE (a)-[r:${type}]->(b) SET r = row.props`,
      { rows },
      { database },
    );
  }
}
