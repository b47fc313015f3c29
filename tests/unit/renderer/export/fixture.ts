/** A small coverage graph: one consultant, one field consultant, a company with two holdings. */
import type { GraphData } from '../../../../src/shared/api';

export const sampleGraph: GraphData = {
  nodes: [
    {
      key: 'CONSULTANT:NAI-C-0001',
      id: 'NAI-C-0001',
      label: 'CONSULTANT',
      name: 'Ada "The Closer" Lovelace',
      region: 'NAI',
      properties: { performance: 91, influence: 40, email: 'ada@example.com', tags: ['a', 'b'] },
    },
    {
      key: 'FIELD_CONSULTANT:NAI-FC-0001',
      id: 'NAI-FC-0001',
      label: 'FIELD_CONSULTANT',
      name: 'Grace <Hopper> & Co',
      region: 'NAI',
      properties: { consultant_id: 'NAI-C-0001', fc_total_plan_assets: 1234567.5 },
    },
    {
      key: 'COMPANY:NAI-CO-0001',
      id: 'NAI-CO-0001',
      label: 'COMPANY',
      name: '=Acme Pension, Fund',
      region: 'NAI',
      properties: { privacy: 'Public', aum: 5e9, label: 'clash' },
    },
    {
      key: 'PRODUCT:P-0001',
      id: 'P-0001',
      label: 'PRODUCT',
      name: 'Global Equity',
      region: 'NAI',
      properties: { asset_class: 'Equities', universe_score: 4.2, jpm_flag: 'Y' },
    },
    {
      key: 'INCUMBENT_PRODUCT:IP-0001',
      id: 'IP-0001',
      label: 'INCUMBENT_PRODUCT',
      name: 'Rival Bond',
      region: 'NAI',
      properties: { asset_class: 'Fixed Income', manager: 'Rival' },
    },
  ],
  relationships: [
    {
      key: 'r1',
      type: 'EMPLOYS',
      source: 'CONSULTANT:NAI-C-0001',
      target: 'FIELD_CONSULTANT:NAI-FC-0001',
      properties: { start_date: '2020-01-01', duration: 4 },
    },
    {
      key: 'r2',
      type: 'COVERS',
      source: 'FIELD_CONSULTANT:NAI-FC-0001',
      target: 'COMPANY:NAI-CO-0001',
      properties: { level_of_influence: 4, coverage_type: 'Primary' },
    },
    {
      key: 'r3',
      type: 'OWNS',
      source: 'COMPANY:NAI-CO-0001',
      target: 'PRODUCT:P-0001',
      properties: { mandate_status: 'At Risk', value: 2500000, consultant: 'NAI-C-0001' },
    },
    {
      key: 'r4',
      type: 'OWNS',
      source: 'COMPANY:NAI-CO-0001',
      target: 'INCUMBENT_PRODUCT:IP-0001',
      properties: {
        mandate_status: 'Active',
        commitment_market_value: 700000,
        multi_mandate_manager: true,
      },
    },
    {
      key: 'r5',
      type: 'RATES',
      source: 'CONSULTANT:NAI-C-0001',
      target: 'PRODUCT:P-0001',
      properties: { rating: 'Positive', rankorder: 2 },
    },
    {
      key: 'dangling',
      type: 'RATES',
      source: 'CONSULTANT:NAI-C-0001',
      target: 'PRODUCT:NOT-LOADED',
      properties: {},
    },
  ],
};
