/**
 * OpenAPI links: how a response's values feed other operations (a started job to reading,
 * following and cancelling it; a listed node to its details and neighbours; a configured region
 * to its network). Clients and stateful testers follow them.
 */
import type { OperationName } from '../../shared/contract';

type Link = { operationId: string; parameters: Record<string, string>; description: string };
type Links = Record<string, Link>;

const jobLinks = (from: string): Links => ({
  GetJob: {
    operationId: 'getGenerationJob',
    parameters: { id: `${from}/id` },
    description: 'The job, with its progress and result',
  },
  JobEvents: {
    operationId: 'generationEvents',
    parameters: { id: `${from}/id` },
    description: "The job's progress as server-sent events",
  },
  CancelJob: {
    operationId: 'cancelGeneration',
    parameters: { id: `${from}/id` },
    description: 'Cancel the job while it runs',
  },
});

const importJobLinks = (from: string): Links => ({
  GetJob: {
    operationId: 'getImportJob',
    parameters: { id: `${from}/id` },
    description: 'The job, with its progress and report',
  },
  CancelJob: {
    operationId: 'cancelImport',
    parameters: { id: `${from}/id` },
    description: 'Cancel the job while it runs (nothing is written)',
  },
});

const neighboursLink = (node: string): Link => ({
  operationId: 'getNeighbours',
  parameters: { label: `${node}/label`, id: `${node}/id` },
  description: "The node's neighbours",
});

const nodeLinks = (node: string): Links => ({
  GetNode: {
    operationId: 'getNode',
    parameters: { label: `${node}/label`, id: `${node}/id` },
    description: 'The node and its degree',
  },
  GetNeighbours: neighboursLink(node),
});

const regionLinks = (region: string): Links => ({
  GetRegionGraph: {
    operationId: 'getRegionGraph',
    parameters: { region },
    description: "The region's network",
  },
  GetRegionFilterOptions: {
    operationId: 'getRegionFilterOptions',
    parameters: { region },
    description: "The region's filter values",
  },
});

const BODY = '$response.body#';

/** Links of each operation's responses, by status. */
export const LINKS: Partial<Record<OperationName, Record<string, Links>>> = {
  startGeneration: { '200': jobLinks(BODY), '202': jobLinks(BODY) },
  startImport: { '202': importJobLinks(BODY) },
  getSettings: { '200': regionLinks(`${BODY}/regions/0`) },
  getRegionGraph: { '200': nodeLinks(`${BODY}/nodes/0`) },
  filterGraph: { '200': nodeLinks(`${BODY}/nodes/0`) },
  getNeighbours: { '200': nodeLinks(`${BODY}/nodes/0`) },
  search: { '200': nodeLinks(`${BODY}/results/0/node`) },
  getNode: { '200': { GetNeighbours: neighboursLink(`${BODY}/node`) } },
};
