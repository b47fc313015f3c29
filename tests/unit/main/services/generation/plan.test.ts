import { describe, expect, it } from 'vitest';
import {
  NODE_PROPS,
  BiRecommendsProps,
  CoversProps,
  EmploysProps,
  OwnsIncumbentProps,
  OwnsProductProps,
  RatesProps,
  type NodeLabel,
} from '../../../../../src/shared/domain';
import { NO_OFFSETS } from '../../../../../src/main/services/generation/ids';
import { materialise, planFor } from './helpers';

/** The seed README's size table: consultants per region (3 regions) → nodes, relationships. */
const SIZE_TABLE = [
  [10, 720, 1_440],
  [50, 3_600, 7_200],
  [100, 7_200, 14_400],
  [200, 14_400, 28_800],
] as const;

const REL_SCHEMAS = {
  EMPLOYS: EmploysProps,
  COVERS: CoversProps,
  'OWNS:PRODUCT': OwnsProductProps,
  'OWNS:INCUMBENT_PRODUCT': OwnsIncumbentProps,
  RATES: RatesProps,
  BI_RECOMMENDS: BiRecommendsProps,
};

describe('generation plan', () => {
  it.each(SIZE_TABLE)(
    'with defaults, %i consultants per region are within ±25%% of the README table',
    (consultants, nodes, relationships) => {
      const plan = planFor({ consultants_per_region: consultants, seed: 3 });
      expect(plan.totalNodes / nodes).toBeGreaterThanOrEqual(0.75);
      expect(plan.totalNodes / nodes).toBeLessThanOrEqual(1.25);
      expect(plan.totalRelationships / relationships).toBeGreaterThanOrEqual(0.75);
      expect(plan.totalRelationships / relationships).toBeLessThanOrEqual(1.25);
    },
  );

  it('grows linearly in consultants', () => {
    const small = planFor({ consultants_per_region: 20, seed: 5 });
    const large = planFor({ consultants_per_region: 200, seed: 5 });
    expect(large.totalNodes).toBe(small.totalNodes * 10);
    expect(large.totalRelationships / small.totalRelationships).toBeCloseTo(10, 0);
  });

  it('counts exactly what it produces', () => {
    const plan = planFor({ regions: ['NAI', 'APAC'], consultants_per_region: 7, seed: 11 });
    const data = materialise(plan);
    expect(data.nodes).toHaveLength(plan.totalNodes);
    expect(data.relationships).toHaveLength(plan.totalRelationships);
    for (const [label, total] of Object.entries(plan.nodesByLabel))
      expect(data.nodes.filter((n) => n.label === label)).toHaveLength(total);
    for (const [type, total] of Object.entries(plan.relationshipsByType))
      expect(data.relationships.filter((r) => r.type === type)).toHaveLength(total);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const input = { regions: ['NAI', 'EMEA'], consultants_per_region: 4, seed: 99 };
    expect(materialise(planFor(input))).toEqual(materialise(planFor(input)));
    expect(materialise(planFor({ ...input, seed: 100 }))).not.toEqual(materialise(planFor(input)));
  });

  it('produces rows that satisfy the data model', () => {
    const data = materialise(planFor({ consultants_per_region: 5, seed: 1 }));
    for (const { label, row } of data.nodes) NODE_PROPS[label as NodeLabel].parse(row);
    for (const rel of data.relationships) {
      const key = rel.type === 'OWNS' ? `OWNS:${rel.to}` : rel.type;
      REL_SCHEMAS[key as keyof typeof REL_SCHEMAS].strict().parse(rel.p);
    }
    const influence = data.relationships
      .filter((r) => r.type === 'COVERS')
      .map((r) => r.p.level_of_influence);
    expect(new Set(influence)).toEqual(new Set([1, 2, 3, 4]));
  });

  it('gives unique, readable ids and keeps every relationship within its region', () => {
    const data = materialise(planFor({ consultants_per_region: 5, seed: 2 }));
    const ids = new Map(data.nodes.map((n) => [`${n.label}:${String(n.row.id)}`, n.row]));
    expect(ids.size).toBe(data.nodes.length);
    expect(ids.get('CONSULTANT:NAI-C-0001')).toBeDefined();
    expect(ids.get('FIELD_CONSULTANT:EMEA-FC-0001')).toBeDefined();
    expect(ids.get('COMPANY:APAC-CO-0001')).toBeDefined();
    expect(ids.get('PRODUCT:NAI-P-0001')).toBeDefined();
    expect(ids.get('INCUMBENT_PRODUCT:NAI-IP-0001')).toBeDefined();
    for (const rel of data.relationships) {
      const source = ids.get(`${rel.from}:${rel.s}`);
      const target = ids.get(`${rel.to}:${rel.t}`);
      expect(source?.region).toBeDefined();
      expect(target?.region).toBe(source?.region);
    }
  });

  it('gives every field consultant exactly one employer, its consultant_id', () => {
    const data = materialise(planFor({ consultants_per_region: 6, seed: 8 }));
    const employs = data.relationships.filter((r) => r.type === 'EMPLOYS');
    const fieldConsultants = data.nodes.filter((n) => n.label === 'FIELD_CONSULTANT');
    expect(employs).toHaveLength(fieldConsultants.length);
    for (const fc of fieldConsultants) {
      const employers = employs.filter((r) => r.t === fc.row.id);
      expect(employers.map((r) => r.s)).toEqual([fc.row.consultant_id]);
    }
  });

  it('includes direct coverage, ratings of owned products, incumbents and recommendations', () => {
    const data = materialise(planFor({ regions: ['NAI'], consultants_per_region: 10, seed: 4 }));
    const direct = data.relationships.filter((r) => r.type === 'COVERS' && r.from === 'CONSULTANT');
    expect(direct.length).toBeGreaterThan(0);
    const owned = new Set(data.relationships.filter((r) => r.type === 'OWNS').map((r) => r.t));
    const rates = data.relationships.filter((r) => r.type === 'RATES');
    expect(rates.length).toBeGreaterThan(0);
    for (const rate of rates) expect(owned.has(rate.t)).toBe(true);
    const incumbents = data.relationships.filter(
      (r) => r.type === 'OWNS' && r.to === 'INCUMBENT_PRODUCT',
    );
    expect(incumbents.length).toBe(60);
    expect(data.relationships.some((r) => r.type === 'BI_RECOMMENDS')).toBe(true);
    const ratings = new Set(rates.map((r) => r.p.rating));
    expect(ratings).toContain('Positive');
    const statuses = new Set(
      data.relationships.filter((r) => r.type === 'OWNS').map((r) => r.p.mandate_status),
    );
    expect(statuses).toContain('At Risk');
  });

  it('numbers on from the highest id already used', () => {
    const data = materialise(
      planFor(
        { regions: ['NAI'], consultants_per_region: 2, seed: 1 },
        { NAI: { ...NO_OFFSETS, CONSULTANT: 41, PRODUCT: 9_999 } },
      ),
    );
    const ids = (label: string) => data.nodes.filter((n) => n.label === label).map((n) => n.row.id);
    expect(ids('CONSULTANT')).toEqual(['NAI-C-0042', 'NAI-C-0043']);
    expect(ids('PRODUCT')[0]).toBe('NAI-P-10000');
    expect(ids('COMPANY')[0]).toBe('NAI-CO-0001');
  });

  it('names companies like asset owners and products by asset class', () => {
    const data = materialise(planFor({ regions: ['EMEA'], consultants_per_region: 10, seed: 6 }));
    const companies = data.nodes
      .filter((n) => n.label === 'COMPANY')
      .map((n) => String(n.row.name));
    const ownerWords = /Pension|Retirement|Foundation|Endowment|Trust|Fund|Plan|Board|Account/;
    for (const name of companies) expect(name).toMatch(ownerWords);
    const bonds = data.nodes.filter(
      (n) => n.label === 'PRODUCT' && n.row.asset_class === 'Fixed Income',
    );
    expect(bonds.length).toBeGreaterThan(0);
    for (const bond of bonds) expect(String(bond.row.name)).toMatch(/Bond|Duration|Yield|Debt/);
  });
});
