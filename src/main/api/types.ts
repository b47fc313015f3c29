/** What the HTTP layer needs of the backend (the full `Backend` satisfies it). */
import type { GenerationJob } from '../../shared/api';
import type { ImportJob } from '../../shared/import';
import type { Config } from '../config/env';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { Handlers } from '../services/types';

export type JobControl = {
  /** Calls `listener` with the job on every update; returns an unsubscribe function. */
  subscribe: (jobId: string, listener: (job: GenerationJob) => void) => () => void;
  /** Resolves with the job once it has finished (succeeded, failed or cancelled). */
  wait: (jobId: string) => Promise<GenerationJob>;
};

/** Updates of an import job until it ends (at once when it has ended). */
export type ImportEvents = {
  subscribe: (jobId: string, listener: (job: ImportJob) => void) => () => void;
};

export type ApiBackend = {
  handlers: Handlers;
  generation: JobControl;
  imports: ImportEvents;
  config: Config;
  logger: Logger;
  metrics?: Metrics;
};

export type ApiOptions = {
  /** Folder of the built renderer (served at `/` when it holds an index.html). */
  staticDir?: string;
  /** Largest accepted JSON body (express/bytes syntax). */
  bodyLimit?: string;
  /** Check every response against its schema (default: outside production). */
  validateResponses?: boolean;
  /** Public URL of the server, listed in the OpenAPI document. */
  publicUrl?: string;
};
