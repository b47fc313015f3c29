/**
 * The columns of the files the app writes, shared by the exporters and the importer so that an
 * exported file imports back unchanged.
 */

/** The coverage table: one row per (coverage, holding) pair, headed by these names. */
export const COVERAGE_COLUMNS = [
  { key: 'region', header: 'Region' },
  { key: 'consultant_id', header: 'Consultant ID' },
  { key: 'consultant', header: 'Consultant' },
  { key: 'field_consultant_id', header: 'Field consultant ID' },
  { key: 'field_consultant', header: 'Field consultant' },
  { key: 'coverage_type', header: 'Coverage type' },
  { key: 'level_of_influence', header: 'Level of influence' },
  { key: 'company_id', header: 'Company ID' },
  { key: 'company', header: 'Company' },
  { key: 'product_id', header: 'Product ID' },
  { key: 'product', header: 'Product' },
  { key: 'product_type', header: 'Product type' },
  { key: 'asset_class', header: 'Asset class' },
  { key: 'mandate_status', header: 'Mandate status' },
  { key: 'value', header: 'Value (USD)' },
  { key: 'credited_consultant', header: 'Credited consultant' },
] as const;

export type CoverageKey = (typeof COVERAGE_COLUMNS)[number]['key'];

/**
 * Attributes the graph exporters (CSV, GraphML, GEXF) set themselves: the node key, the node's
 * name as `label`, its label as `node_type`, the relationship type as `rel_type`, and where and
 * how the node was drawn. A property with one of these names is written as `prop_<name>`.
 */
export const GRAPH_EXPORT_ATTRIBUTES = [
  'label',
  'node_type',
  'rel_type',
  'x',
  'y',
  'size',
  'color',
  'key',
] as const;
export const GRAPH_EXPORT_PROPERTY_PREFIX = 'prop_';

/** Text a spreadsheet would run as a formula; exporters prefix it with an apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;
