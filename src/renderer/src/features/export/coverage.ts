/**
 * The coverage table: who covers which company and what that company holds. One row per
 * (coverage, holding) pair of each company in view — a company covered by two field consultants
 * with three mandates gives six rows — so the table can be pivoted in a spreadsheet.
 */
import type { GraphData, GraphNode, GraphRelationship, JsonValue } from '@shared/api';
import type { CoverageKey } from '@shared/export-columns';
import type { CsvCell } from '@shared/csv';

export type CoverageRow = Record<CoverageKey, CsvCell>;

const text = (v: JsonValue | undefined): string | null => (typeof v === 'string' ? v : null);
const num = (v: JsonValue | undefined): number | null => (typeof v === 'number' ? v : null);

type Coverer = {
  consultant: GraphNode | null;
  consultantId: string | null;
  fc: GraphNode | null;
  rel: GraphRelationship;
};

function coverers(
  company: string,
  incoming: ReadonlyMap<string, GraphRelationship[]>,
  nodes: ReadonlyMap<string, GraphNode>,
): Coverer[] {
  const out: Coverer[] = [];
  for (const rel of incoming.get(company) ?? []) {
    if (rel.type !== 'COVERS') continue;
    const from = nodes.get(rel.source);
    if (!from) continue;
    if (from.label === 'CONSULTANT') {
      out.push({ consultant: from, consultantId: from.id, fc: null, rel });
      continue;
    }
    const employer = (incoming.get(from.key) ?? []).find((r) => r.type === 'EMPLOYS');
    const consultant = employer ? (nodes.get(employer.source) ?? null) : null;
    const consultantId = consultant?.id ?? text(from.properties.consultant_id);
    out.push({ consultant, consultantId, fc: from, rel });
  }
  return out;
}

export function coverageRows(data: GraphData): CoverageRow[] {
  const nodes = new Map(data.nodes.map((n) => [n.key, n]));
  const incoming = new Map<string, GraphRelationship[]>();
  const outgoing = new Map<string, GraphRelationship[]>();
  for (const rel of data.relationships) {
    incoming.set(rel.target, [...(incoming.get(rel.target) ?? []), rel]);
    outgoing.set(rel.source, [...(outgoing.get(rel.source) ?? []), rel]);
  }
  const rows: CoverageRow[] = [];
  for (const company of data.nodes) {
    if (company.label !== 'COMPANY') continue;
    const holdings = (outgoing.get(company.key) ?? []).filter((r) => r.type === 'OWNS');
    const covering = coverers(company.key, incoming, nodes);
    for (const c of covering.length ? covering : [null]) {
      for (const owns of holdings.length ? holdings : [null]) {
        const product = owns ? nodes.get(owns.target) : undefined;
        rows.push({
          region: company.region,
          consultant_id: c?.consultantId ?? null,
          consultant: c?.consultant?.name ?? null,
          field_consultant_id: c?.fc?.id ?? null,
          field_consultant: c?.fc?.name ?? null,
          coverage_type: text(c?.rel.properties.coverage_type),
          level_of_influence: num(c?.rel.properties.level_of_influence),
          company_id: company.id,
          company: company.name,
          product_id: product?.id ?? null,
          product: product?.name ?? null,
          product_type: product?.label ?? null,
          asset_class: text(product?.properties.asset_class),
          mandate_status: text(owns?.properties.mandate_status),
          value: num(owns?.properties.value) ?? num(owns?.properties.commitment_market_value),
          credited_consultant: text(owns?.properties.consultant),
        });
      }
    }
  }
  return rows;
}
