/**
 * What services need and what they provide. Services know nothing of Electron or HTTP: the REST
 * routers and the IPC handlers are thin adapters over the same `Handlers`, one per operation of
 * the shared contract, taking the already-parsed input.
 */
import type { Driver } from 'neo4j-driver';
import type { z } from 'zod';
import type { Contract, OperationName, OperationOutput } from '../../shared/contract';
import type { Config } from '../config/env';
import type { DatabaseTarget } from '../db/errors';
import type { Logger } from '../logger';

export type ServiceDeps = {
  driver: Driver;
  /** Neo4j database name. */
  database: string;
  config: Config;
  logger: Logger;
  /** Named in database errors: address, database and where its credentials came from. */
  target: DatabaseTarget;
};

export type Handlers = {
  [N in OperationName]: (input: z.infer<Contract[N]['input']>) => Promise<OperationOutput<N>>;
};
