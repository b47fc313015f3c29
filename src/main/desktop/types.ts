/** What the desktop shell needs from the backend, and the desktop-only operations it serves. */
import type { z } from 'zod';
import type { GenerationJob } from '../../shared/api';
import type { DesktopContract, DesktopOperationName, DesktopOutput } from '../../shared/desktop';
import type { Handlers } from '../services/types';

export type DesktopHandlers = {
  [N in DesktopOperationName]: (
    input: z.infer<DesktopContract[N]['input']>,
  ) => Promise<DesktopOutput<N>>;
};

export type GenerationEvents = {
  /** Calls `listener` with the job on every progress update; returns an unsubscribe function. */
  subscribe: (jobId: string, listener: (job: GenerationJob) => void) => () => void;
};

/** The backend as the shell uses it (the full `Backend` satisfies this). */
export type ShellBackend = {
  handlers: Handlers;
  generation: GenerationEvents;
  close: () => Promise<void>;
};

export type ShellApiServer = { url: string; port: number; close: () => Promise<void> };
