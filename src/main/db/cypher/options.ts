/**
 * Cypher of the filter options. Both queries yield the same row: entity summaries per label and
 * the distinct relationship values, which the options service turns into sorted, capped lists.
 * `optionsQuery` reads every node (of one region when $region is set); `facetsQuery` reads what
 * the paths matching a filter reach (cascading dropdowns).
 */
import type { GraphMode } from '../../../shared/domain';
import { pathsSubquery, type PathFilterField } from './paths';

const PROJECTIONS = {
  consultant: '{.id, .name, .region, .sales_region, .channel}',
  fieldConsultant: '{.id, .name, .region, .sales_region, .channel, .fc_total_plan_assets}',
  company: '{.id, .name, .region, .sales_region, .channel, .privacy}',
  product: '{.id, .name, .region, .asset_class, .jpm_flag}',
} as const;

export const OPTION_COLUMNS = [
  'consultants',
  'field_consultants',
  'companies',
  'products',
  'incumbent_products',
  'influence_levels',
  'mandate_statuses',
  'ratings',
  'opportunity_types',
] as const;

export function optionsQuery(scoped: boolean): string {
  const scope = (v: string): string => (scoped ? `WHERE ${v}.region = $region` : '');
  const nodes = (label: string, projection: string, column: string): string =>
    `CALL () { MATCH (n:${label}) ${scope('n')} RETURN collect(n ${projection}) AS ${column} }`;
  const values = (pattern: string, property: string, column: string): string =>
    `CALL () { MATCH ${pattern} ${scope('a')} RETURN collect(DISTINCT x.${property}) AS ${column} }`;
  return [
    nodes('CONSULTANT', PROJECTIONS.consultant, 'consultants'),
    nodes('FIELD_CONSULTANT', PROJECTIONS.fieldConsultant, 'field_consultants'),
    nodes('COMPANY', PROJECTIONS.company, 'companies'),
    nodes('PRODUCT', PROJECTIONS.product, 'products'),
    nodes('INCUMBENT_PRODUCT', PROJECTIONS.product, 'incumbent_products'),
    values('(a)-[x:COVERS]->(:COMPANY)', 'level_of_influence', 'influence_levels'),
    values('(a:COMPANY)-[x:OWNS]->()', 'mandate_status', 'mandate_statuses'),
    values('(a:CONSULTANT)-[x:RATES]->(:PRODUCT)', 'rating', 'ratings'),
    values(
      '(a:INCUMBENT_PRODUCT)-[x:BI_RECOMMENDS]->(:PRODUCT)',
      'opportunity_type',
      'opportunity_types',
    ),
    `RETURN ${OPTION_COLUMNS.join(', ')}`,
  ].join('\n');
}

const FACETS: Record<GraphMode, string> = {
  standard: `RETURN
  collect(DISTINCT c ${PROJECTIONS.consultant}) AS consultants,
  collect(DISTINCT f ${PROJECTIONS.fieldConsultant}) AS field_consultants,
  collect(DISTINCT co ${PROJECTIONS.company}) AS companies,
  collect(DISTINCT p ${PROJECTIONS.product}) AS products,
  [] AS incumbent_products,
  collect(DISTINCT v.level_of_influence) AS influence_levels,
  collect(DISTINCT o.mandate_status) AS mandate_statuses,
  collect(DISTINCT r.rating) AS ratings,
  [] AS opportunity_types`,
  recommendations: `RETURN
  [] AS consultants,
  [] AS field_consultants,
  collect(DISTINCT co ${PROJECTIONS.company}) AS companies,
  collect(DISTINCT p ${PROJECTIONS.product}) AS products,
  collect(DISTINCT i ${PROJECTIONS.product}) AS incumbent_products,
  [] AS influence_levels,
  collect(DISTINCT o.mandate_status) AS mandate_statuses,
  [] AS ratings,
  collect(DISTINCT b.opportunity_type) AS opportunity_types`,
};

export function facetsQuery(mode: GraphMode, fields: readonly PathFilterField[]): string {
  return `${pathsSubquery(mode, fields)}
${FACETS[mode]}`;
}
