/**
 * The client contract over the desktop bridge (`window.api`): every answer from main is parsed
 * with the operation's output schema before the UI sees it, and error envelopes become
 * `AppError`s with their code and details.
 */
import type { z } from 'zod';
import { GenerationJob, type GraphResponse } from '@shared/api';
import { createCompactStreamDecoder } from '@shared/compact-graph';
import {
  CLIENT_OPERATION_NAMES,
  contract,
  type CallOptions,
  type Client,
  type ClientOperationName,
  type ViewOptions,
  type ViewRequest,
} from '@shared/contract';
import {
  AppInfo,
  DESKTOP_OPERATION_NAMES,
  desktopContract,
  type DesktopOperationName,
} from '@shared/desktop';
import { AppError } from '@shared/errors';
import {
  IpcEnvelope,
  MenuCommand,
  ViewGraphAnswer,
  type Bridge,
  type IpcTransport,
} from '@shared/ipc';
import { createBookmarkHolder } from './bookmark';
import { cancelMessage } from './cancel';
import type { DesktopClient } from './types';

/** The contract over the bridge, with the desktop capability that only the bridge offers. */
export type BridgeClient = Client & { desktop: DesktopClient };

function unwrap<T extends z.ZodType>(name: string, schema: T, answer: unknown): z.infer<T> {
  const invalid = () =>
    new AppError('INTERNAL', `The app answered ${name} with data it does not understand.`);
  const envelope = IpcEnvelope.safeParse(answer);
  if (!envelope.success) throw invalid();
  if (!envelope.data.ok) {
    const { code, message, details, current } = envelope.data.error;
    throw new AppError(code, message, details, current);
  }
  const value = schema.safeParse(envelope.data.value);
  if (!value.success) throw invalid();
  return value.data;
}

/**
 * An IPC call cannot be withdrawn from main: a cancelled one is answered at once and its late
 * answer dropped.
 */
async function withCancel(send: () => Promise<unknown>, signal?: AbortSignal): Promise<unknown> {
  if (!signal) return send();
  const cancelled = (): AppError => new AppError('CANCELLED', cancelMessage(signal));
  if (signal.aborted) throw cancelled();
  const aborted = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(cancelled()), { once: true }),
  );
  return Promise.race([send(), aborted]);
}

export function createIpcClient(bridge: Bridge): BridgeClient {
  const bookmark = createBookmarkHolder();
  const call =
    (name: ClientOperationName | DesktopOperationName, schema: z.ZodType) =>
    async (input: unknown, { signal }: CallOptions = {}): Promise<unknown> => {
      const invoke = bridge[name] as (input: unknown, transport?: IpcTransport) => Promise<unknown>;
      const role = name in contract ? contract[name as ClientOperationName].bookmark : undefined;
      const carried = role ? bookmark.current() : null;
      const send = (): Promise<unknown> =>
        carried ? invoke(input, { bookmark: carried }) : invoke(input);
      const output = unwrap(name, schema, await withCancel(send, signal));
      if (role === 'returns') bookmark.remember(output);
      return output;
    };
  const operations = Object.fromEntries(
    CLIENT_OPERATION_NAMES.map((name) => [name, call(name, contract[name].output)]),
  ) as { [N in ClientOperationName]: Client[N] };
  const desktopOperations = Object.fromEntries(
    DESKTOP_OPERATION_NAMES.map((name) => [name, call(name, desktopContract[name].output)]),
  ) as Omit<DesktopClient, 'onMenuCommand' | 'onAppStatus'>;

  /** A view load over the bridge: main's lines of the compact stream, decoded as they come. */
  async function viewGraph(
    request: ViewRequest,
    { signal, onChunk }: ViewOptions = {},
  ): Promise<GraphResponse> {
    const decoder = createCompactStreamDecoder();
    const invalid = (): AppError =>
      new AppError(
        'INTERNAL',
        `The app answered ${request.operation} with data it does not understand.`,
      );
    const state: { failed: AppError | null } = { failed: null };
    const onLine = (line: unknown): void => {
      if (state.failed || signal?.aborted) return;
      try {
        if (typeof line !== 'string') throw invalid();
        const chunk = decoder.push(line);
        if (chunk) onChunk?.(chunk);
      } catch (error) {
        state.failed = error instanceof AppError ? error : invalid();
      }
    };
    const carried = bookmark.current();
    const send = (): Promise<unknown> =>
      carried
        ? bridge.viewGraph(request, onLine, { bookmark: carried })
        : bridge.viewGraph(request, onLine);
    const answer = await withCancel(send, signal);
    unwrap(request.operation, ViewGraphAnswer, answer);
    if (state.failed) throw state.failed;
    try {
      return decoder.result();
    } catch {
      throw invalid();
    }
  }

  return {
    ...operations,
    viewGraph,
    onGenerationProgress: (jobId, listener) =>
      bridge.onGenerationProgress(jobId, (raw) => {
        const job = GenerationJob.safeParse(raw);
        if (!job.success) return;
        if (job.data.status !== 'running') bookmark.remember(job.data);
        listener(job.data);
      }),
    desktop: {
      ...desktopOperations,
      onMenuCommand: (listener) =>
        bridge.onMenuCommand((raw) => {
          const command = MenuCommand.safeParse(raw);
          if (command.success) listener(command.data);
        }),
      onAppStatus: (listener) =>
        bridge.onAppStatus((raw) => {
          const info = AppInfo.safeParse(raw);
          if (info.success) listener(info.data);
        }),
    },
  };
}
