/**
 * The client contract over the desktop bridge (`window.api`): every answer from main is parsed
 * with the operation's output schema before the UI sees it, and error envelopes become
 * `AppError`s with their code and details.
 */
import type { z } from 'zod';
import { GenerationJob } from '../../../shared/api';
import {
  OPERATION_NAMES,
  contract,
  type Client,
  type OperationName,
} from '../../../shared/contract';
import {
  DESKTOP_OPERATION_NAMES,
  desktopContract,
  type DesktopInput,
  type DesktopOperationName,
  type DesktopOutput,
} from '../../../shared/desktop';
import { AppError } from '../../../shared/errors';
import { AppStatus, IpcEnvelope, MenuCommand, type Bridge } from '../../../shared/ipc';

export type DesktopClient = {
  [N in DesktopOperationName]: (input: DesktopInput<N>) => Promise<DesktopOutput<N>>;
};

export type BridgeClient = Client &
  DesktopClient & {
    /** Commands chosen in the native menu; returns an unsubscribe function. */
    onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
    /** Backend start-up, failure and progress (e.g. the first download of Neo4j). */
    onAppStatus: (listener: (status: AppStatus) => void) => () => void;
  };

function unwrap<T extends z.ZodType>(name: string, schema: T, answer: unknown): z.infer<T> {
  const invalid = () =>
    new AppError('INTERNAL', `The app answered ${name} with data it does not understand.`);
  const envelope = IpcEnvelope.safeParse(answer);
  if (!envelope.success) throw invalid();
  if (!envelope.data.ok) {
    const { code, message, details } = envelope.data.error;
    throw new AppError(code, message, details);
  }
  const value = schema.safeParse(envelope.data.value);
  if (!value.success) throw invalid();
  return value.data;
}

export function createIpcClient(bridge: Bridge): BridgeClient {
  const call =
    (name: OperationName | DesktopOperationName, schema: z.ZodType) =>
    async (input: unknown): Promise<unknown> => {
      const invoke = bridge[name] as (input: unknown) => Promise<unknown>;
      return unwrap(name, schema, await invoke(input));
    };
  const operations = Object.fromEntries([
    ...OPERATION_NAMES.map((name) => [name, call(name, contract[name].output)]),
    ...DESKTOP_OPERATION_NAMES.map((name) => [name, call(name, desktopContract[name].output)]),
  ]) as { [N in OperationName]: Client[N] } & DesktopClient;

  return {
    ...operations,
    onGenerationProgress: (jobId, listener) =>
      bridge.onGenerationProgress(jobId, (raw) => {
        const job = GenerationJob.safeParse(raw);
        if (job.success) listener(job.data);
      }),
    onMenuCommand: (listener) =>
      bridge.onMenuCommand((raw) => {
        const command = MenuCommand.safeParse(raw);
        if (command.success) listener(command.data);
      }),
    onAppStatus: (listener) =>
      bridge.onAppStatus((raw) => {
        const status = AppStatus.safeParse(raw);
        if (status.success) listener(status.data);
      }),
  };
}
