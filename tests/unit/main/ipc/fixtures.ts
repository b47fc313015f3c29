/**
 * One valid input, one answer and (where the schema has fields) one invalid input per bridge
 * operation. The record is keyed by every operation name, so a new operation cannot be left out.
 */
import type { BridgeOperationName } from '../../../../src/shared/ipc';

const node = {
  key: 'CONSULTANT:NAI-C-0001',
  id: 'NAI-C-0001',
  label: 'CONSULTANT',
  name: 'Ada Byron',
  region: 'NAI',
  properties: { performance: 91, channel: 'Direct' },
};
const edge = {
  key: '5:abc:1',
  type: 'OWNS',
  source: 'COMPANY:NAI-CO-1',
  target: 'PRODUCT:NAI-P-1',
  properties: { mandate_status: 'Active' },
};
const product = {
  id: 'NAI-P-1',
  name: 'Global Equity',
  region: 'NAI',
  asset_class: 'Equities',
  universe_name: 'Global',
  universe_score: 4.5,
  jpm_flag: 'Y',
};
const edited = {
  action: 'create',
  preview: false,
  statements: [
    {
      cypher: 'CREATE (n:PRODUCT) SET n = $properties',
      parameters_summary: { properties: '{id}' },
    },
  ],
  counts: {
    nodes_created: 1,
    nodes_deleted: 0,
    relationships_created: 0,
    relationships_deleted: 0,
    properties_set: 8,
  },
  summary: 'Created PRODUCT NAI-P-1',
  undo_available: true,
  bookmark: 'FB:example',
};
const graph = {
  nodes: [node],
  relationships: [],
  totals: { nodes: 1, relationships: 0 },
  truncated: false,
  limit: 5000,
  mode: 'standard',
};
const options = {
  regions: ['NAI'],
  node_types: ['CONSULTANT'],
  sales_regions: ['East'],
  channels: ['Direct'],
  asset_classes: ['Equities'],
  mandate_statuses: ['Active'],
  ratings: ['Positive'],
  influence_levels: [1, 4],
  privacy_levels: ['Public'],
  jpm_flags: ['Y'],
  opportunity_types: ['Growth'],
  consultants: [{ id: 'NAI-C-0001', name: 'Ada Byron' }],
  field_consultants: [],
  companies: [],
  products: [],
  incumbent_products: [],
  fc_total_plan_assets: { min: 1_000, max: 2_000 },
  truncated: false,
};
const job = {
  id: 'job-1',
  status: 'running',
  request: { regions: ['NAI'], consultants_per_region: 2, mode: 'append' },
  progress: { phase: 'nodes', item: 'CONSULTANT', done: 1, total: 2, rate: 10, elapsed_ms: 100 },
  result: null,
  error: null,
  rolled_back: false,
  started_at: '2025-01-01T00:00:00.000Z',
  finished_at: null,
  bookmark: null,
};
const importJob = {
  id: 'import-1',
  status: 'running',
  dry_run: false,
  files: ['COMPANY.csv'],
  progress: {
    phase: 'read',
    file: 'COMPANY.csv',
    rows: 1_000,
    rows_total: 20_000,
    bytes: 100_000,
    bytes_total: 2_000_000,
    elapsed_ms: 250,
  },
  result: null,
  error: null,
  started_at: '2025-01-01T00:00:00.000Z',
  finished_at: null,
  bookmark: null,
};
const profile = {
  id: 'p1',
  name: 'Local',
  uri: 'bolt://localhost:7687',
  username: 'neo4j',
  database: 'neo4j',
  protection: 'confirm',
  has_password: true,
};
const appInfo = {
  name: 'Smart Network',
  version: '0.1.0',
  platform: 'linux',
  api_url: 'http://127.0.0.1:8000',
  data_dir: '/home/ada/.local/share/smart-network',
  settings_file: '/home/ada/.local/share/smart-network/settings.json',
  log_file: null,
  database: { uri: 'bolt://127.0.0.1:17687', database: 'neo4j', managed: true, profile_id: null },
  startup_error: null,
  startup_progress: null,
};

export type Fixture = {
  input: unknown;
  output: unknown;
  /** What the handler must receive (the parsed input, defaults applied) when it differs. */
  parsed?: unknown;
  invalid?: { input: unknown; field: string };
};

export const FIXTURES: Record<BridgeOperationName, Fixture> = {
  health: {
    input: {},
    output: {
      status: 'ok',
      version: '0.1.0',
      uptime_s: 12,
      database: {
        reachable: true,
        uri: 'bolt://127.0.0.1:7687',
        database: 'neo4j',
        managed: false,
        version: '5.26.0',
        edition: 'community',
        latency_ms: 2,
      },
      counts: { nodes: 1, relationships: 0 },
    },
  },
  getSettings: {
    input: {},
    output: {
      version: '0.1.0',
      protection: 'free',
      regions: ['NAI', 'EMEA'],
      max_consultants_per_region: 50,
      max_field_consultants_per_consultant: 5,
      max_companies_per_field: 10,
      max_products_per_company: 8,
      default_region_size: 5000,
      allow_write_queries: false,
      query_timeout_ms: 30000,
      query_row_cap: 10000,
    },
  },
  getRegionGraph: {
    input: { region: 'NAI' },
    parsed: { region: 'NAI', mode: 'standard' },
    output: graph,
    invalid: { input: { region: 'nai' }, field: 'region' },
  },
  filterGraph: {
    input: { regions: ['NAI'], ratings: ['Positive'] },
    parsed: { regions: ['NAI'], ratings: ['Positive'], mode: 'standard' },
    output: graph,
    invalid: { input: { ratings: ['Great'] }, field: 'ratings.0' },
  },
  estimateGraph: {
    input: { view: 'region', region: 'NAI' },
    parsed: { view: 'region', region: 'NAI', mode: 'standard' },
    output: { nodes: 12, relationships: 30 },
    invalid: { input: { view: 'region', region: 'nai' }, field: 'region' },
  },
  getSchema: {
    input: {},
    output: {
      labels: [{ label: 'CONSULTANT', count: 10 }],
      relationship_types: [{ type: 'EMPLOYS', count: 20 }],
      property_keys: [{ key: 'id', nodes: 10, relationships: 0, types: ['STRING NOT NULL'] }],
      indexes: [
        {
          name: 'consultant_id',
          type: 'RANGE',
          entity_type: 'NODE',
          labels_or_types: ['CONSULTANT'],
          properties: ['id'],
          state: 'ONLINE',
          owning_constraint: 'consultant_id',
        },
      ],
      constraints: [
        {
          name: 'consultant_id',
          type: 'UNIQUENESS',
          entity_type: 'NODE',
          labels_or_types: ['CONSULTANT'],
          properties: ['id'],
        },
      ],
    },
  },
  getStats: {
    input: {},
    output: {
      total_nodes: 1,
      total_relationships: 0,
      nodes_by_label: { CONSULTANT: 1 },
      relationships_by_type: {},
      regions: [{ region: 'NAI', nodes: 1, nodes_by_label: { CONSULTANT: 1 } }],
      database_size_bytes: null,
      last_generation: null,
    },
  },
  getFilterOptions: {
    input: {},
    output: options,
    invalid: { input: { region: 'somewhere' }, field: 'region' },
  },
  getRegionFilterOptions: {
    input: { region: 'EMEA' },
    output: options,
    invalid: { input: {}, field: 'region' },
  },
  getCascadingFilterOptions: {
    input: { regions: ['APAC'] },
    parsed: { regions: ['APAC'], mode: 'standard' },
    output: options,
    invalid: { input: { channels: ['Carrier pigeon'] }, field: 'channels.0' },
  },
  runQuery: {
    input: { query: 'RETURN 1 AS n' },
    parsed: { query: 'RETURN 1 AS n', parameters: {}, read_only: true },
    output: {
      columns: ['n'],
      rows: [{ n: 1 }],
      graph: null,
      summary: { query_type: 'r', row_count: 1, truncated: false, elapsed_ms: 3 },
      plan: null,
      bookmark: null,
    },
    invalid: { input: { query: '   ' }, field: 'query' },
  },
  stopQuery: {
    input: { run_id: 'run-1' },
    parsed: { run_id: 'run-1' },
    output: { run_id: 'run-1', stopped: true },
    invalid: { input: { run_id: 'no spaces' }, field: 'run_id' },
  },
  getNode: {
    input: { label: 'CONSULTANT', id: 'NAI-C-0001' },
    output: { node, degree: 3, degree_by_type: { 'EMPLOYS:out': 3 }, version: 0 },
    invalid: { input: { label: 'PERSON', id: 'x' }, field: 'label' },
  },
  getNeighbours: {
    input: { label: 'CONSULTANT', id: 'NAI-C-0001' },
    parsed: { label: 'CONSULTANT', id: 'NAI-C-0001', limit: 100, offset: 0 },
    output: {
      nodes: [],
      relationships: [],
      node,
      total: 0,
      offset: 0,
      limit: 100,
      has_more: false,
    },
    invalid: { input: { label: 'CONSULTANT', id: 'x', limit: 5_000 }, field: 'limit' },
  },
  search: {
    input: { q: 'Ada' },
    parsed: { q: 'Ada', limit: 20, offset: 0 },
    output: {
      results: [{ node, score: 2.5, rank: 'exact' }],
      total: 1,
      offset: 0,
      has_more: false,
    },
    invalid: { input: { q: '   ' }, field: 'q' },
  },
  getCoverageGaps: {
    input: { regions: ['NAI'] },
    parsed: { regions: ['NAI'], limit: 50 },
    output: {
      at_risk_without_level_4: [{ node, mandates: 1, value: 1000 }],
      positive_unowned: [],
    },
    invalid: { input: { limit: 0 }, field: 'limit' },
  },
  getDistributions: {
    input: { regions: ['NAI'] },
    parsed: { regions: ['NAI'], top: 10 },
    output: {
      mandates_by_status: [{ status: 'Active', count: 2, value: 3000 }],
      mandates_by_region: [{ region: 'NAI', count: 2, value: 3000 }],
      ratings_by_asset_class: [{ asset_class: 'Equities', rating: 'Positive', count: 1 }],
      coverage_per_consultant: [{ companies: 3, consultants: 1 }],
      top_consultants: [{ node, companies: 3 }],
      top_companies: [{ node, aum: 1e9 }],
    },
    invalid: { input: { top: 0 }, field: 'top' },
  },
  getHistograms: {
    input: { regions: ['NAI'] },
    parsed: { regions: ['NAI'], bins: 20 },
    output: {
      histograms: [
        {
          field: 'aum',
          kind: 'number',
          scale: 'log',
          min: 1e6,
          max: 1e9,
          count: 2,
          bins: [{ from: 1e6, to: 1e9, count: 2 }],
        },
      ],
    },
    invalid: { input: { bins: 0 }, field: 'bins' },
  },
  getNodeLinks: {
    input: { node: { label: 'CONSULTANT', id: 'NAI-C-0001' }, among: ['COMPANY:NAI-CO-0001'] },
    output: { nodes: [node], relationships: [], node },
    invalid: { input: { node: { label: 'CONSULTANT', id: 'x' } }, field: 'among' },
  },
  findPaths: {
    input: {
      from: { label: 'CONSULTANT', id: 'NAI-C-0001' },
      to: { label: 'COMPANY', id: 'NAI-CO-0001' },
    },
    parsed: {
      from: { label: 'CONSULTANT', id: 'NAI-C-0001' },
      to: { label: 'COMPANY', id: 'NAI-CO-0001' },
      max_length: 6,
      limit: 10,
    },
    output: {
      nodes: [node],
      relationships: [],
      paths: [{ nodes: [node.key], relationships: [] }],
      length: 0,
      truncated: false,
    },
    invalid: {
      input: { from: { label: 'CONSULTANT', id: 'a' }, to: { label: 'CONSULTANT', id: 'a' } },
      field: 'to',
    },
  },
  getRelationship: {
    input: { key: '5:abc:1' },
    output: {
      relationship: edge,
      version: 2,
      source: { ...node, key: 'COMPANY:NAI-CO-1', id: 'NAI-CO-1', label: 'COMPANY' },
      target: { ...node, key: 'PRODUCT:NAI-P-1', id: 'NAI-P-1', label: 'PRODUCT' },
    },
    invalid: { input: { key: '' }, field: 'key' },
  },
  createNode: {
    input: { label: 'PRODUCT', properties: product },
    output: {
      ...edited,
      node: { ...node, key: 'PRODUCT:NAI-P-1', id: 'NAI-P-1', label: 'PRODUCT' },
    },
    invalid: {
      input: { label: 'PRODUCT', properties: { ...product, universe_score: 9 } },
      field: 'properties.universe_score',
    },
  },
  updateNode: {
    input: { label: 'CONSULTANT', id: 'NAI-C-0001', version: 1, properties: { performance: 50 } },
    output: { ...edited, action: 'update', node, version: 2 },
    invalid: {
      input: {
        label: 'CONSULTANT',
        id: 'NAI-C-0001',
        version: 1,
        properties: { performance: 101 },
      },
      field: 'properties.performance',
    },
  },
  deleteNode: {
    input: { label: 'CONSULTANT', id: 'NAI-C-0001', version: 1 },
    output: { ...edited, action: 'delete' },
    invalid: { input: { label: 'CONSULTANT', id: 'NAI-C-0001' }, field: 'version' },
  },
  createRelationship: {
    input: {
      type: 'COVERS',
      source: { label: 'CONSULTANT', id: 'NAI-C-0001' },
      target: { label: 'COMPANY', id: 'NAI-CO-1' },
      properties: { level_of_influence: 4, coverage_type: 'Primary' },
    },
    output: { ...edited, relationship: edge, version: 0 },
    invalid: {
      input: {
        type: 'COVERS',
        source: { label: 'CONSULTANT', id: 'NAI-C-0001' },
        target: { label: 'COMPANY', id: 'NAI-CO-1' },
        properties: { level_of_influence: 5, coverage_type: 'Primary' },
      },
      field: 'properties.level_of_influence',
    },
  },
  updateRelationship: {
    input: { key: '5:abc:1', type: 'OWNS', version: 0, properties: { mandate_status: 'At Risk' } },
    output: { ...edited, action: 'update', relationship: edge, version: 1 },
    invalid: {
      input: { key: '5:abc:1', type: 'OWNS', version: 0, properties: { mandate_status: 'Lost' } },
      field: 'properties.mandate_status',
    },
  },
  deleteRelationship: {
    input: { key: '5:abc:1', type: 'OWNS', version: 0 },
    output: { ...edited, action: 'delete' },
    invalid: { input: { key: '5:abc:1', type: 'LIKES', version: 0 }, field: 'type' },
  },
  bulkUpdateRelationships: {
    input: {
      type: 'OWNS',
      items: [{ key: '5:abc:1', version: 0 }],
      properties: { mandate_status: 'Active' },
    },
    output: { ...edited, action: 'bulk-update', relationships_affected: 1 },
    invalid: {
      input: { type: 'OWNS', items: [], properties: { mandate_status: 'Active' } },
      field: 'items',
    },
  },
  undoLastEdit: {
    input: {},
    output: { ...edited, action: 'undo', undone: 'Created PRODUCT NAI-P-1' },
    invalid: { input: { preview: 'maybe' }, field: 'preview' },
  },
  getUndoStatus: { input: {}, output: { available: true, summary: 'Created PRODUCT NAI-P-1' } },
  startGeneration: {
    input: { regions: ['NAI'], consultants_per_region: 2 },
    parsed: { regions: ['NAI'], consultants_per_region: 2, mode: 'append' },
    output: job,
    invalid: { input: { consultants_per_region: 0 }, field: 'consultants_per_region' },
  },
  getGenerationJob: {
    input: { id: 'job-1' },
    output: job,
    invalid: { input: { id: '' }, field: 'id' },
  },
  cancelGeneration: {
    input: { id: 'job-1' },
    output: { ...job, status: 'cancelled', rolled_back: true },
    invalid: { input: {}, field: 'id' },
  },
  getImportJob: {
    input: { id: 'import-1' },
    output: importJob,
    invalid: { input: { id: '' }, field: 'id' },
  },
  cancelImport: {
    input: { id: 'import-1' },
    output: {
      ...importJob,
      status: 'cancelled',
      finished_at: '2025-01-01T00:00:01.000Z',
      error: { code: 'CANCELLED', message: 'Import cancelled; nothing was written' },
    },
    invalid: { input: {}, field: 'id' },
  },
  clearGraph: {
    input: { confirm: true, regions: ['NAI'] },
    output: {
      deleted_nodes: 10,
      deleted_relationships: 20,
      regions: ['NAI'],
      seconds: 0.2,
      bookmark: 'FB:example',
    },
    invalid: { input: { confirm: false }, field: 'confirm' },
  },
  previewWrite: {
    input: { write: 'clear', regions: ['NAI'] },
    output: {
      statements: [
        {
          cypher: 'MATCH (n:CONSULTANT) WHERE n.region IN $regions CALL (n) { DETACH DELETE n }',
          parameters_summary: '$regions: ["NAI"]',
        },
      ],
    },
    invalid: { input: { write: 'drop' }, field: 'write' },
  },
  listAudit: {
    input: { action: 'clear' },
    parsed: { action: 'clear', offset: 0, limit: 50 },
    output: {
      entries: [
        {
          id: '0d3c6a52-6d0e-4d61-9f0c-2f5b8a3f0a11',
          at: '2026-12-02T17:00:00.000Z',
          client: 'ipc',
          action: 'clear',
          summary: 'Cleared regions NAI',
          counts: { deleted_nodes: 10, deleted_relationships: 20 },
          cypher: null,
        },
      ],
      total: 1,
      offset: 0,
      limit: 50,
    },
    invalid: { input: { action: 'drop' }, field: 'action' },
  },
  exportAudit: {
    input: {},
    output: {
      file_name: 'audit-log-2026-12-02.csv',
      csv: 'at,client,action,summary,counts,cypher\r\n',
      rows: 0,
      truncated: false,
    },
    invalid: { input: { from: 'yesterday' }, field: 'from' },
  },
  getAppInfo: { input: {}, output: appInfo },
  listProfiles: {
    input: {},
    output: { profiles: [profile], active_id: null, password_storage: 'os' },
  },
  saveProfile: {
    input: { name: 'Local', uri: 'bolt://localhost:7687', password: 'secret-1' },
    parsed: {
      name: 'Local',
      uri: 'bolt://localhost:7687',
      username: 'neo4j',
      database: 'neo4j',
      protection: 'confirm',
      password: 'secret-1',
    },
    output: profile,
    invalid: { input: { name: 'Web', uri: 'http://localhost:7474' }, field: 'uri' },
  },
  deleteProfile: {
    input: { id: 'p1' },
    output: { profiles: [], active_id: null, password_storage: 'os' },
    invalid: { input: { id: '../../etc' }, field: 'id' },
  },
  testConnection: {
    input: { uri: 'bolt://localhost:7687', password: 'secret-1' },
    parsed: {
      uri: 'bolt://localhost:7687',
      username: 'neo4j',
      database: 'neo4j',
      password: 'secret-1',
    },
    output: { address: 'localhost:7687', version: '5.26.0', edition: 'community', latency_ms: 4 },
    invalid: { input: { uri: 'bolt://localhost:7687', username: '' }, field: 'username' },
  },
  activateProfile: {
    input: { id: null },
    output: appInfo,
    invalid: { input: {}, field: 'id' },
  },
  saveFile: {
    input: { suggestedName: 'graph.json', data: '{"nodes":[]}' },
    parsed: { suggestedName: 'graph.json', filters: [], data: '{"nodes":[]}' },
    output: { saved: true, path: '/home/ada/Downloads/graph.json' },
    invalid: { input: { suggestedName: '../../.bashrc', data: 'x' }, field: 'suggestedName' },
  },
  chooseImportFiles: {
    input: {},
    output: { choice: '4f1c2b8e-9a7d-4e3f-8b21-6c5d4e3f2a10', names: ['COMPANY.csv'] },
  },
  startChosenImport: {
    input: { choice: '4f1c2b8e-9a7d-4e3f-8b21-6c5d4e3f2a10', dry_run: false },
    parsed: { choice: '4f1c2b8e-9a7d-4e3f-8b21-6c5d4e3f2a10', dry_run: false },
    output: importJob,
    invalid: { input: { choice: '../COMPANY.csv' }, field: 'choice' },
  },
  openFile: {
    input: { filters: [{ name: 'Saved views', extensions: ['json'] }] },
    parsed: { filters: [{ name: 'Saved views', extensions: ['json'] }] },
    output: { opened: true, name: 'view.json', text: '{"format":"smart-network-view"}' },
    invalid: {
      input: { filters: [{ name: 'Views', extensions: ['.json'] }] },
      field: 'filters.0.extensions.0',
    },
  },
};
